package io.keyrail.rotation.projection;

import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyBlock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service's own table of terminals ({@code terminal}), written only from the registry's
 * events and read by sign-in. Each write touches only the columns its event carries, so events
 * of the two registry topics may arrive in any order relative to each other. The latest working
 * key version columns ({@code tpk_version} ...) are the exception: sign-in keeps them, in the
 * statement that inserts the versions ({@link io.keyrail.rotation.keys.KeyVersions#issue}).
 */
@Repository
public class TerminalProjection {

    private static final String LOCK_FOR_SIGN_IN = "SELECT terminal_id, merchant_id, status, tmk_key_block, tmk_lmk_id, "
            + "tpk_version, tak_version, tdk_version FROM terminal WHERE terminal_id = ANY(?) ORDER BY terminal_id FOR UPDATE";
    /** The key types whose latest version the terminal row keeps, in the order of their columns above. */
    private static final List<WorkingKeyType> LATEST_VERSION_COLUMNS =
            List.of(WorkingKeyType.TPK, WorkingKeyType.TAK, WorkingKeyType.TDK);

    private final JdbcTemplate jdbc;

    TerminalProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The terminals {@code terminalIds} the registry has announced, by id, locked until the
     * transaction ends so that concurrent sign-ins of one terminal issue consecutive versions
     * (locked in id order, so two batches never wait on each other). A terminal whose
     * registration has not arrived is absent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, SignInSubject> lockForSignIn(Collection<String> terminalIds) {
        Map<String, SignInSubject> found = new HashMap<>();
        jdbc.query(LOCK_FOR_SIGN_IN, rs -> {
            String terminalId = rs.getString(1);
            String merchantId = rs.getString(2);
            String status = rs.getString(3);
            String block = rs.getString(4);
            String lmkId = rs.getString(5);
            if (merchantId != null && status != null) {
                Map<WorkingKeyType, Integer> latest = new EnumMap<>(WorkingKeyType.class);
                for (int c = 0; c < LATEST_VERSION_COLUMNS.size(); c++) {
                    WorkingKeyType type = LATEST_VERSION_COLUMNS.get(c);
                    int version = rs.getInt(6 + c);
                    if (!rs.wasNull()) {
                        latest.put(type, version);
                    }
                }
                found.put(terminalId, new SignInSubject(terminalId, merchantId, TerminalStatus.valueOf(status),
                        block == null || lmkId == null ? Optional.empty() : Optional.of(new KeyBlock(lmkId, block)),
                        latest));
            }
        }, (Object) terminalIds.toArray(String[]::new));
        return found;
    }

    /** Sets the terminals ACTIVE after a sign-in (the registry confirms it with its own status event). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signedIn(Collection<String> terminalIds, Instant at) {
        if (terminalIds.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE terminal SET status = 'ACTIVE', updated_at = ? WHERE terminal_id = ANY(?) AND status <> 'ACTIVE'",
                utc(at), terminalIds.toArray(String[]::new));
    }

    void registered(String terminalId, String merchantId, String keyScheme, TerminalStatus status, Instant at) {
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, status, key_scheme, updated_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (terminal_id) DO UPDATE SET merchant_id = EXCLUDED.merchant_id, "
                        + "status = EXCLUDED.status, key_scheme = COALESCE(terminal.key_scheme, EXCLUDED.key_scheme), "
                        + "updated_at = EXCLUDED.updated_at",
                terminalId, merchantId, status.name(), keyScheme, utc(at));
    }

    void updated(String terminalId, String merchantId, Instant at) {
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (terminal_id) DO UPDATE SET merchant_id = EXCLUDED.merchant_id, "
                        + "updated_at = EXCLUDED.updated_at",
                terminalId, merchantId, utc(at));
    }

    void statusChanged(String terminalId, String merchantId, TerminalStatus status, Instant at) {
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, status, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (terminal_id) DO UPDATE SET merchant_id = EXCLUDED.merchant_id, "
                        + "status = EXCLUDED.status, updated_at = EXCLUDED.updated_at",
                terminalId, merchantId, status.name(), utc(at));
    }

    /**
     * A master key version was installed. A newer version than the key block held supersedes it:
     * the old block is dropped until the new version's key material arrives, so sign-in never
     * wraps working keys under a master key the terminal no longer has.
     */
    void masterKeyInstalled(String terminalId, String merchantId, int version, String keyScheme, String checkValue,
                            Instant at) {
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, key_scheme, tmk_version, tmk_check_value, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET "
                        + "merchant_id = EXCLUDED.merchant_id, key_scheme = EXCLUDED.key_scheme, "
                        + "tmk_key_block = CASE WHEN terminal.tmk_version IS NULL OR terminal.tmk_version < EXCLUDED.tmk_version "
                        + "  THEN NULL ELSE terminal.tmk_key_block END, "
                        + "tmk_lmk_id = CASE WHEN terminal.tmk_version IS NULL OR terminal.tmk_version < EXCLUDED.tmk_version "
                        + "  THEN NULL ELSE terminal.tmk_lmk_id END, "
                        + "tmk_check_value = CASE WHEN terminal.tmk_version IS NULL OR terminal.tmk_version <= EXCLUDED.tmk_version "
                        + "  THEN EXCLUDED.tmk_check_value ELSE terminal.tmk_check_value END, "
                        + "tmk_version = GREATEST(terminal.tmk_version, EXCLUDED.tmk_version), "
                        + "updated_at = EXCLUDED.updated_at",
                terminalId, merchantId, keyScheme, version, checkValue, utc(at));
    }

    /** The key block of master key {@code version}; an older version than the one known is ignored. */
    void masterKeyMaterial(String terminalId, int version, KeyBlock keyBlock, String checkValue, Instant at) {
        jdbc.update("INSERT INTO terminal (terminal_id, tmk_key_block, tmk_lmk_id, tmk_version, tmk_check_value, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET "
                        + "tmk_key_block = EXCLUDED.tmk_key_block, tmk_lmk_id = EXCLUDED.tmk_lmk_id, "
                        + "tmk_version = EXCLUDED.tmk_version, "
                        + "tmk_check_value = EXCLUDED.tmk_check_value, "
                        + "updated_at = EXCLUDED.updated_at "
                        + "WHERE terminal.tmk_version IS NULL OR terminal.tmk_version <= EXCLUDED.tmk_version",
                terminalId, keyBlock.value(), keyBlock.lmkId(), version, checkValue, utc(at));
    }

    /** Master key {@code version} (or an older one) was destroyed: its key block is dropped. */
    void masterKeyDestroyed(String terminalId, int version, Instant at) {
        jdbc.update("UPDATE terminal SET tmk_key_block = NULL, tmk_lmk_id = NULL, updated_at = ? "
                        + "WHERE terminal_id = ? AND (tmk_version IS NULL OR tmk_version <= ?)",
                utc(at), terminalId, version);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
