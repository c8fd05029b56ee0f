package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V9 stops sign-in from rewriting the versions it supersedes: the states and overlap windows are
 * derived by the view {@code key_version}. Versions issued before V9 carry their state and window
 * on their own rows; after the migration the view shows each of them exactly as it was stored, and
 * a version issued after it continues the derivation.
 */
class DerivedKeyStateMigrationIT {

    private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T2 = T1.plusHours(1);
    private static final OffsetDateTime T3 = T1.plusHours(2);

    @Test
    void versionsStoredBeforeTheMigrationKeepTheirStatesAndWindowsInTheView() {
        MigrationDatabase database = MigrationDatabase.clean("key_rotation_v9");
        database.migrateTo("8");
        JdbcTemplate jdbc = database.jdbc();
        // TPK 1 issued at T1, 2 at T2 (1 accepted until T2 + 30 min), 3 at T3 (1 retired at T3, 2 accepted until T3 + 30 min)
        database.keyVersionBeforeV9("SIGNED01", "TPK", 1, "RETIRED", T1, T2.plusMinutes(30));
        database.keyVersionBeforeV9("SIGNED01", "TPK", 2, "ACCEPTED", T2, T3.plusMinutes(30));
        database.keyVersionBeforeV9("SIGNED01", "TPK", 3, "ACTIVE", T3, null);
        // a window shorter than the gap to the next sign-in: the stored window stands
        database.keyVersionBeforeV9("SIGNED01", "TAK", 1, "RETIRED", T1, T1.plusMinutes(30));
        database.keyVersionBeforeV9("SIGNED01", "TAK", 2, "ACCEPTED", T2, T2.plusMinutes(30));
        database.keyVersionBeforeV9("SIGNED01", "TAK", 3, "ACTIVE", T3, null);
        database.keyVersionBeforeV9("GONE0001", "TPK", 1, "DESTROYED", T1, null);
        database.keyVersionBeforeV9("GONE0001", "TPK", 2, "DESTROYED", T2, null);
        List<String> before = rows(jdbc);

        assertThat(database.migrateTo("9")).isTrue();

        assertThat(rows(jdbc)).isEqualTo(before).containsExactly(
                "GONE0001 TPK 1 DESTROYED null",
                "GONE0001 TPK 2 DESTROYED null",
                "SIGNED01 TAK 1 RETIRED " + T1.plusMinutes(30).toInstant(),
                "SIGNED01 TAK 2 ACCEPTED " + T2.plusMinutes(30).toInstant(),
                "SIGNED01 TAK 3 ACTIVE null",
                "SIGNED01 TPK 1 RETIRED " + T2.plusMinutes(30).toInstant(),
                "SIGNED01 TPK 2 ACCEPTED " + T3.plusMinutes(30).toInstant(),
                "SIGNED01 TPK 3 ACTIVE null");

        // Version 4, issued at T4 as sign-in now writes it: 3 is accepted for 30 min, 2 retired at T4.
        OffsetDateTime t4 = T3.plusMinutes(10);
        jdbc.update("INSERT INTO key_version_record (terminal_id, key_type, version, key_block, lmk_id, check_value, "
                + "algorithm, state, issued_at, cause, predecessor_accepted_until) VALUES ('SIGNED01', 'TPK', 4, 'D0000', "
                + "'lmk-test', 'ABCDEF12', 'TDES_2KEY', 'ACTIVE', ?, 'SIGN_IN', ?)", t4, t4.plusMinutes(30));
        assertThat(rows(jdbc)).contains(
                "SIGNED01 TPK 1 RETIRED " + T2.plusMinutes(30).toInstant(),
                "SIGNED01 TPK 2 RETIRED " + t4.toInstant(),
                "SIGNED01 TPK 3 ACCEPTED " + t4.plusMinutes(30).toInstant(),
                "SIGNED01 TPK 4 ACTIVE null");
    }

    private static List<String> rows(JdbcTemplate jdbc) {
        return jdbc.query("SELECT terminal_id, key_type, version, state, accepted_until FROM key_version "
                        + "ORDER BY terminal_id, key_type, version",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " "
                        + (rs.getObject(5) == null ? "null" : rs.getObject(5, OffsetDateTime.class).toInstant()));
    }
}
