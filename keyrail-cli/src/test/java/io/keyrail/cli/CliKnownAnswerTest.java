package io.keyrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.cli.ContractCall.JsonFields;
import io.keyrail.cli.ContractCall.OneLine;
import io.keyrail.cli.ContractCall.Prefix;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published vector of hsm-adapter through {@code keyrail crypto}, in process, as
 * {@code shared/tools/check-cli-contract} calls it: exit 0, nothing on stderr, one stdout line in
 * upper-case hex (or one JSON object) with the published answer.
 */
class CliKnownAnswerTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicContainer> answersEveryPublishedVectorWithThePublishedValue() {
        return CliTables.judgingEachRunBy(CliKnownAnswerTest::assertAnswers)
                .table("kcv", PublishedVectorCalls.kcv())
                .table("pin-block", PublishedVectorCalls.pinBlock())
                .table("pin-translate", PublishedVectorCalls.pinTranslate())
                .table("mac", PublishedVectorCalls.mac())
                .table("tr31", PublishedVectorCalls.tr31())
                .tests();
    }

    @Test
    void leavesNoPublishedVectorOut() {
        assertThat(PublishedVectorCalls.kcv()).hasSize(KnownAnswerVectors.load("kcv").size());
        assertThat(PublishedVectorCalls.pinTranslate())
                .hasSize(KnownAnswerVectors.load("pin_translate").size());
        assertThat(PublishedVectorCalls.mac()).hasSize(KnownAnswerVectors.load("mac").size());
        assertThat(PublishedVectorCalls.tr31()).hasSize(2 * KnownAnswerVectors.load("tr31").size());
        assertThat(PublishedVectorCalls.pinBlock().stream().map(c -> c.id().substring(0, c.id().indexOf('#'))).distinct())
                .hasSize(KnownAnswerVectors.load("pinblock").size());
    }

    private static void assertAnswers(ContractCall call, CliRun run) {
        assertThat(run.status()).as("exit status (stderr: %s)", run.err()).isZero();
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.outLines()).as("stdout lines").hasSize(1);
        String line = run.outLines().get(0);
        switch (call.answer()) {
            case OneLine(String value) -> assertThat(line).isEqualTo(value);
            case Prefix(String prefix, int length) -> assertThat(line).hasSize(length).startsWith(prefix);
            case JsonFields(Map<String, String> fields) -> assertJsonFields(line, fields);
        }
    }

    private static void assertJsonFields(String line, Map<String, String> fields) {
        JsonNode object = JSON.readTree(line);
        assertThat(object.isObject()).as("one JSON object: %s", line).isTrue();
        fields.forEach((name, want) -> {
            assertThat(object.has(name)).as("field %s in %s", name, line).isTrue();
            String got = object.get(name).asString();
            if (name.equals("kcv")) {
                int common = Math.min(got.length(), want.length());
                assertThat(common).as("kcv digits").isGreaterThanOrEqualTo(4);
                assertThat(got.substring(0, common)).as("kcv").isEqualTo(want.substring(0, common));
            } else {
                assertThat(got).as(name).isEqualTo(want);
            }
        });
    }
}
