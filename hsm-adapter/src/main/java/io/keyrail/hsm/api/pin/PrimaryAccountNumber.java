package io.keyrail.hsm.api.pin;

/**
 * A card's primary account number, used to bind and unbind PIN blocks (ISO 9564-1 formats 0, 3, 4).
 *
 * <p>Guarantees: 12 to 19 decimal digits. {@link #toString()} shows at most the first six and last
 * four digits (PCI DSS masking), never the full PAN.
 */
public record PrimaryAccountNumber(String digits) {

    public PrimaryAccountNumber {
        if (digits == null || digits.length() < 12 || digits.length() > 19) {
            throw new IllegalArgumentException("PAN must be 12 to 19 digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("PAN must be decimal digits (position " + (i + 1) + ")");
            }
        }
    }

    /** First six and last four digits, the rest masked. */
    public String masked() {
        int n = digits.length();
        return digits.substring(0, 6) + "*".repeat(n - 10) + digits.substring(n - 4);
    }

    @Override
    public String toString() {
        return "PrimaryAccountNumber[" + masked() + "]";
    }
}
