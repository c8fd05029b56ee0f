package io.keyrail.registry.transportkey;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.registry.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/transport-keys")
@Tag(name = "Transport keys", description = "Key-encryption keys for importing TMKs and for key-loading devices")
class TransportKeyController {

    private final TransportKeys keys;

    TransportKeyController(TransportKeys keys) {
        this.keys = keys;
    }

    /** One clear component as its custodian enters it; {@link #toString()} never shows it. */
    record ComponentEntry(String component, String checkValue) {
        @Override
        public String toString() {
            return "ComponentEntry[hidden]";
        }
    }

    /** A transport key to form from 2 or 3 components. */
    record FormTransportKeyRequest(String id, TransportKeyPurpose purpose, String keyScheme,
                                   List<ComponentEntry> components) {
        @Override
        public String toString() {
            return "FormTransportKeyRequest[" + id + ", " + purpose + ", " + keyScheme + "]";
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Form a transport key from 2 or 3 clear components",
            description = "Each component is checked against its check value; the key is held under the LMK and "
                    + "the components are not stored. 201 with the key's check value.")
    ResponseEntity<TransportKey> form(@RequestBody FormTransportKeyRequest r, Principal caller) {
        if (r.id() == null || !r.id().matches("[A-Za-z0-9._-]{1,64}")) {
            throw RegistryProblem.invalid("id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (r.purpose() == null) {
            throw RegistryProblem.invalid("purpose must be TRANSPORT or KEY_LOADING_DEVICE");
        }
        KeyScheme scheme = scheme(r.keyScheme());
        if (r.components() == null || r.components().size() < 2 || r.components().size() > 3) {
            throw RegistryProblem.invalid("a transport key is formed from 2 or 3 components");
        }
        List<CheckedComponent> parts = new ArrayList<>();
        for (int i = 0; i < r.components().size(); i++) {
            parts.add(component(i + 1, r.components().get(i), scheme));
        }
        TransportKey key = keys.form(r.id(), r.purpose(), scheme, parts, caller.getName());
        return ResponseEntity.created(URI.create("/v1/transport-keys/" + key.id())).body(key);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "List transport keys (ids, purposes, check values)")
    List<TransportKey> list() {
        return keys.all();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "One transport key (id, purpose, check value)")
    TransportKey get(@PathVariable String id) {
        TransportKey key = keys.find(id);
        if (key == null) {
            throw RegistryProblem.notFound("transport key", id);
        }
        return key;
    }

    private static KeyScheme scheme(String text) {
        try {
            return KeyScheme.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw RegistryProblem.invalid("keyScheme must be one of DES_SINGLE, TDES_2KEY, TDES_3KEY, AES_128, AES_192,"
                    + " AES_256");
        }
    }

    private static CheckedComponent component(int number, ComponentEntry e, KeyScheme scheme) {
        if (e == null || e.component() == null || e.component().length() != scheme.length() * 2) {
            throw RegistryProblem.invalid("component " + number + " must be " + scheme.length() * 2
                    + " hexadecimal digits for " + scheme);
        }
        KeyComponent component;
        KeyCheckValue checkValue;
        try {
            component = KeyComponent.ofHex(e.component(), ClearKeyAccess.custodianCeremony());
        } catch (IllegalArgumentException ex) {
            throw RegistryProblem.invalid("component " + number + " must be hexadecimal digits only");
        }
        try {
            checkValue = new KeyCheckValue(e.checkValue());
        } catch (IllegalArgumentException ex) {
            throw RegistryProblem.invalid("the check value of component " + number + " must be 4 to 32 hexadecimal digits");
        }
        if (checkValue.length() < 2) {
            throw RegistryProblem.invalid("the check value of component " + number + " must be 4 to 32 hexadecimal digits");
        }
        return new CheckedComponent(component, checkValue);
    }
}
