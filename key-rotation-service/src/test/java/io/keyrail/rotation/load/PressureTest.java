package io.keyrail.rotation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The load driver's reading of Linux's pressure stall information. */
class PressureTest {

    private static final String CPU = """
            some avg10=1.50 avg60=6.81 avg300=27.35 total=269227211
            full avg10=0.00 avg60=0.00 avg300=0.00 total=0
            """;

    @Test
    void readsTheTotalsOfTheSomeAndFullLines() {
        assertThat(Pressure.total(CPU, "some")).isEqualTo(269_227_211L);
        assertThat(Pressure.total(CPU, "full")).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> Pressure.total("nothing here\n", "some"))
                .withMessageContaining("'some'");
    }

    @Test
    void printsEachStallAsAShareOfTheWindow() {
        Pressure start = new Pressure(1_000_000, 2_000_000, 500_000);
        Pressure end = new Pressure(16_000_000, 5_000_000, 1_100_000); // 15 s, 3 s and 0.6 s more, over 60 s

        assertThat(end.since(start, 60)).isEqualTo("cpu some 25.0  io some 5.0  io full 1.0");
    }
}
