package io.keyrail.rotation;

import io.keyrail.testing.TestInfrastructure;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database of its own for a migration test, emptied first, and Flyway over this service's migrations. */
record MigrationDatabase(DriverManagerDataSource dataSource) {

    /** The database {@code name} on the test infrastructure, with every object dropped. */
    static MigrationDatabase clean(String name) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        MigrationDatabase database = new MigrationDatabase(new DriverManagerDataSource(infrastructure.jdbcUrl(name),
                infrastructure.jdbcUser(), infrastructure.jdbcPassword()));
        database.flyway().cleanDisabled(false).load().clean();
        return database;
    }

    /** Migrates to {@code version}, or to the latest when it is null; true when Flyway reports success. */
    boolean migrateTo(String version) {
        FluentConfiguration flyway = flyway();
        return (version == null ? flyway : flyway.target(version)).load().migrate().success;
    }

    /**
     * A working key version as the schema before V9 stored it (table {@code key_version}, with its
     * state and window on the row); a DESTROYED version has no key block.
     */
    void keyVersionBeforeV9(String terminalId, String keyType, int version, String state, OffsetDateTime issuedAt,
                            OffsetDateTime acceptedUntil) {
        jdbc().update("INSERT INTO key_version (terminal_id, key_type, version, key_block, lmk_id, check_value, algorithm, "
                + "state, issued_at, accepted_until, cause) VALUES (?, ?, ?, ?, 'lmk-test', 'ABCDEF12', 'TDES_2KEY', ?, ?, ?, "
                + "'SIGN_IN')", terminalId, keyType, version, "DESTROYED".equals(state) ? null : "D0000", state, issuedAt,
                acceptedUntil);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/key-rotation-service");
    }
}
