package io.keyrail.registry.masterkey;

/**
 * One clear TMK component as released to its custodian, once, with its check value. The only
 * answer of the registry that carries clear key material; {@link #toString()} never shows it.
 */
record ReleasedComponent(String terminalId, int version, int number, int of, String component, String checkValue) {

    @Override
    public String toString() {
        return "ReleasedComponent[" + terminalId + ", v" + version + ", " + number + "/" + of + "]";
    }
}
