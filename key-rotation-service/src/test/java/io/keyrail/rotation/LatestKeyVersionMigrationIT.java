package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V7 moves the latest working key version of each type onto the terminal row, where sign-in reads
 * it under the row lock and issues the next one by exact primary key. A database signed in before
 * V7 gets those columns filled from the versions it holds, so the next sign-in continues the
 * sequence instead of failing on a version that exists.
 */
class LatestKeyVersionMigrationIT {

    @Test
    void theLatestVersionOfEachTypeIsFilledInFromTheVersionsIssuedBeforeTheMigration() {
        MigrationDatabase database = MigrationDatabase.clean("key_rotation_v7");
        database.migrateTo("6");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, status, updated_at) "
                + "VALUES ('SIGNED01', '123456789012345', 'ACTIVE', now()), ('NEVER001', '123456789012345', 'AWAITING_SIGN_IN', now())");
        for (int version = 1; version <= 3; version++) {
            version(database, "TPK", version, version == 3 ? "ACTIVE" : version == 2 ? "ACCEPTED" : "RETIRED");
            version(database, "TAK", version, version == 3 ? "ACTIVE" : version == 2 ? "ACCEPTED" : "RETIRED");
        }
        version(database, "TDK", 1, "ACTIVE");

        database.migrateTo("7");

        Map<String, Object> signed = jdbc.queryForMap(
                "SELECT tpk_version, tak_version, tdk_version FROM terminal WHERE terminal_id = 'SIGNED01'");
        assertThat(signed).containsEntry("tpk_version", 3).containsEntry("tak_version", 3).containsEntry("tdk_version", 1);
        Map<String, Object> never = jdbc.queryForMap(
                "SELECT tpk_version, tak_version, tdk_version FROM terminal WHERE terminal_id = 'NEVER001'");
        assertThat(never).containsEntry("tpk_version", null).containsEntry("tak_version", null)
                .containsEntry("tdk_version", null);
    }

    private static void version(MigrationDatabase database, String keyType, int version, String state) {
        database.keyVersionBeforeV9("SIGNED01", keyType, version, state, OffsetDateTime.now(), null);
    }
}
