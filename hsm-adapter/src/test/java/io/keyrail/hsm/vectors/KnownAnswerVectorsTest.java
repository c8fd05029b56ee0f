package io.keyrail.hsm.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnownAnswerVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"des", "kcv", "mac", "pinblock", "pin_translate", "tr31"})
    void everyVectorFileLoadsAndEveryVectorCitesASource(String category) {
        assertThat(KnownAnswerVectors.load(category))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.source()).isNotBlank());
    }
}
