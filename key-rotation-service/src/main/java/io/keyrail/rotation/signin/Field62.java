package io.keyrail.rotation.signin;

import java.util.List;

/**
 * CUP sign-in response field 62: for each working key of the mode, its cryptogram under the TMK
 * in its slot (zero-padded) and its 4-byte check value, as upper-case hex. Carries only
 * cryptograms and check values, never a clear key.
 */
final class Field62 {

    private Field62() {
    }

    /**
     * Assembles field 62 from {@code cryptograms} (hex, in the mode's slot order) and their
     * {@code checkValues} (4 bytes each, hex).
     */
    static String assemble(CupSignInMode mode, List<String> cryptograms, List<String> checkValues) {
        StringBuilder field = new StringBuilder(mode.fieldLength() * 2);
        List<CupSignInMode.Slot> slots = mode.slots();
        for (int i = 0; i < slots.size(); i++) {
            String cryptogram = cryptograms.get(i);
            int slotDigits = slots.get(i).length() * 2;
            if (cryptogram.length() > slotDigits) {
                throw new IllegalArgumentException("a " + slots.get(i).keyType() + " cryptogram of " + cryptogram.length() / 2
                        + " bytes does not fit its " + slotDigits / 2 + "-byte slot");
            }
            String checkValue = checkValues.get(i);
            if (checkValue.length() != CupSignInMode.CHECK_VALUE_LENGTH * 2) {
                throw new IllegalArgumentException("a field 62 check value is " + CupSignInMode.CHECK_VALUE_LENGTH
                        + " bytes, not " + checkValue.length() / 2);
            }
            field.append(cryptogram);
            for (int pad = cryptogram.length(); pad < slotDigits; pad++) {
                field.append('0');
            }
            field.append(checkValue);
        }
        return field.toString();
    }
}
