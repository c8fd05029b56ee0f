package io.keyrail.testing;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * What every service's health probes must answer, checked on the JSON bodies of
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness}.
 */
public final class HealthProbes {

    private HealthProbes() {
    }

    /**
     * Liveness is up and depends on nothing outside the service (so a broker or database outage never
     * restarts it); readiness is up with the database and Kafka checked.
     */
    public static void assertLivenessStandsAloneAndReadinessChecksDatabaseAndKafka(JsonNode liveness, JsonNode readiness) {
        assertThat(liveness.path("status").asString()).isEqualTo("UP");
        assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db", "kafka");
        assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    /** The Kafka check's details in a readiness answer (a missing node where they are not shown). */
    public static JsonNode kafkaDetails(JsonNode readiness) {
        return readiness.path("components").path("kafka").path("details");
    }
}
