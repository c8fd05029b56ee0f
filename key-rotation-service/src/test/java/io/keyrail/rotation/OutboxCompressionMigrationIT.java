package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V8 compresses the outbox's serialized events with lz4 where the server has it, and migrates
 * without error where it does not (the embedded PostgreSQL of the tests is built without lz4;
 * PostgreSQL's own packages and images have it).
 */
class OutboxCompressionMigrationIT {

    @Test
    void theOutboxUsesLz4WhereTheServerHasItAndMigratesEitherWay() {
        MigrationDatabase database = MigrationDatabase.clean("key_rotation_v8");

        assertThat(database.migrateTo(null)).isTrue();

        JdbcTemplate jdbc = database.jdbc();
        String compression = jdbc.queryForObject("SELECT attcompression::text FROM pg_attribute "
                + "WHERE attrelid = 'event_publication'::regclass AND attname = 'serialized_event'", String.class);
        assertThat(compression).isEqualTo(serverHasLz4(jdbc) ? "l" : "");
    }

    private static boolean serverHasLz4(JdbcTemplate jdbc) {
        try {
            jdbc.execute("SET default_toast_compression = 'lz4'");
            jdbc.execute("RESET default_toast_compression");
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
