package io.keyrail.events.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The key-block check accepts exactly {@code [ABCD][0-9]{4}[0-9A-Z]{11}[ -~]+}, as the regular expression it replaces did. */
class KeyMaterialShapeTest {

    private static final Pattern KEY_BLOCK = Pattern.compile("[ABCD][0-9]{4}[0-9A-Z]{11}[ -~]+");

    @Test
    void acceptsTr31BlocksAndRejectsNearMisses() {
        assertThat(KeyMaterial.isKeyBlock("D0112P0AE00E0000" + "A1B2".repeat(20))).isTrue();
        assertThat(KeyMaterial.isKeyBlock("B0080K0TB00E0000~ ")).isTrue();
        assertThat(KeyMaterial.isKeyBlock("D0112P0AE00E0000")).as("header only").isFalse();
        assertThat(KeyMaterial.isKeyBlock("E0112P0AE00E0000AB")).as("version").isFalse();
        assertThat(KeyMaterial.isKeyBlock("D01A2P0AE00E0000AB")).as("length").isFalse();
        assertThat(KeyMaterial.isKeyBlock("D0112p0AE00E0000AB")).as("lower-case header").isFalse();
        assertThat(KeyMaterial.isKeyBlock("D0112P0AE00E0000A\u007f")).as("DEL").isFalse();
        assertThat(KeyMaterial.isKeyBlock("D0112P0AE00E0000A\n")).as("line feed").isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomStrings() {
        Random random = new Random(31L);
        String header = "ABCDE0123456789PKTZaz \u007fé";
        int accepted = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                s.append(random.nextInt(6) == 0 ? header.charAt(random.nextInt(header.length()))
                        : (i == 0 ? "ABCD" : i < 5 ? "0123456789" : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                .charAt(random.nextInt(i == 0 ? 4 : i < 5 ? 10 : 36)));
            }
            boolean expected = KEY_BLOCK.matcher(s).matches();
            assertThat(KeyMaterial.isKeyBlock(s.toString())).as("[%s]", s).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("some key blocks were drawn").isPositive();
    }
}
