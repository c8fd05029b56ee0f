package io.keyrail.registry.bulk;

import io.keyrail.registry.RegistryProblem;

/** What a bulk registration does with invalid or duplicate rows. */
enum BulkMode {
    /** One transaction: any bad row and nothing is written, nothing published. */
    ALL_OR_NOTHING("all-or-nothing"),
    /** The valid rows are committed (batch by batch); the bad ones are reported. */
    VALID_ONLY("valid-only");

    private final String parameter;

    BulkMode(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    static BulkMode ofParameter(String value) {
        for (BulkMode m : values()) {
            if (m.parameter.equals(value)) {
                return m;
            }
        }
        throw RegistryProblem.invalid("mode must be all-or-nothing or valid-only");
    }
}
