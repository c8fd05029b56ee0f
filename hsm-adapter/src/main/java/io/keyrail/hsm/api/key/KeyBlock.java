package io.keyrail.hsm.api.key;

/**
 * A key at rest: a TR-31 / ANSI X9.143 key block under the named LMK. This is the only form in
 * which services hold keys; only the HSM can open it.
 *
 * <p>Guarantees: the text is printable ASCII with a well-formed 16-character header whose fields
 * (usage, algorithm, mode of use, exportability) can be read without the LMK. {@link #toString()}
 * shows the LMK id and the header only, never the encrypted body.
 *
 * @param lmkId the LMK the block is wrapped under
 * @param value the key block text
 */
public record KeyBlock(String lmkId, String value) {

    private static final int HEADER_LENGTH = 16;

    public KeyBlock {
        if (lmkId == null || lmkId.isBlank() || lmkId.length() > 64) {
            throw new IllegalArgumentException("LMK id must be 1 to 64 characters");
        }
        if (value == null || value.length() < HEADER_LENGTH + 8) {
            throw new IllegalArgumentException("key block must be at least " + (HEADER_LENGTH + 8) + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("key block must be printable ASCII (position " + (i + 1) + ")");
            }
        }
        KeyBlockVersion.ofCode(value.charAt(0));
    }

    public KeyBlockVersion version() {
        return KeyBlockVersion.ofCode(value.charAt(0));
    }

    public KeyUsage usage() {
        return KeyUsage.ofCode(value.substring(5, 7));
    }

    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.ofCode(value.charAt(7));
    }

    public ModeOfUse modeOfUse() {
        return ModeOfUse.ofCode(value.charAt(8));
    }

    public Exportability exportability() {
        return Exportability.ofCode(value.charAt(11));
    }

    /** The 16-character fixed header (not secret). */
    public String header() {
        return value.substring(0, HEADER_LENGTH);
    }

    @Override
    public String toString() {
        return "KeyBlock[" + lmkId + ", " + header() + "...]";
    }
}
