package io.keyrail.hsm.api.key;

import java.util.Objects;

/** One clear key component with its check value, as released to or entered by a custodian. */
public record CheckedComponent(KeyComponent component, KeyCheckValue checkValue) {

    public CheckedComponent {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(checkValue, "checkValue");
    }
}
