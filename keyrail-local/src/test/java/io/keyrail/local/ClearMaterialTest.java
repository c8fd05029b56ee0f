package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-to-end test's leak search finds a key in either case, and each half of a double-length key. */
class ClearMaterialTest {

    private static final byte[] TEST_KEY = TerminalCrypto.HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");

    @Test
    void findsAKeyInLowerCaseAndAHalfOnItsOwnWithoutShowingEither() {
        ClearMaterial material = new ClearMaterial();
        material.add("the test TPK", TEST_KEY);

        List<String> hits = material.foundIn(Map.of("some.log", List.of(
                "clean line", "key=0123456789abcdeffedcba9876543210", "half FEDCBA9876543210 only")));

        assertThat(hits).containsExactly(
                "some.log line 2 holds the test TPK (not shown)",
                "some.log line 2 holds part 1 of the test TPK (not shown)",
                "some.log line 2 holds part 2 of the test TPK (not shown)",
                "some.log line 3 holds part 2 of the test TPK (not shown)");
        assertThat(String.join(" ", hits)).doesNotContainIgnoringCase("0123456789ABCDEF");
    }

    @Test
    void findsNothingInTextWithoutTheKey() {
        ClearMaterial material = new ClearMaterial();
        material.add("the test TPK", TEST_KEY);

        assertThat(material.foundIn(Map.of("some.log", List.of("check value 08D7B4", "0123456789ABCDE")))).isEmpty();
    }
}
