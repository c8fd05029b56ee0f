package io.keyrail.rotation.keys;

import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working key versions of every terminal ({@code key_version}). Per key type, one version is
 * ACTIVE (issued at the last sign-in) and at most one is ACCEPTED: the one that sign-in
 * superseded, until its overlap window ends (messages in flight under it still verify). A newer
 * sign-in retires it at once: by then the terminal has used the version after it. Destroyed
 * versions lose their key block. Sign-in uses one statement to supersede and one to insert,
 * whatever the number of keys, both through the index of live versions.
 */
@Repository
public class KeyVersions {

    private static final int MAX_TYPES = WorkingKeyType.values().length;
    private static final String[] SUPERSEDE = new String[MAX_TYPES + 1];
    private static final String[] INSERT = new String[MAX_TYPES + 1];

    static {
        for (int n = 1; n <= MAX_TYPES; n++) {
            String types = String.join(", ", java.util.Collections.nCopies(n, "?"));
            SUPERSEDE[n] = "UPDATE key_version SET "
                    + "state = CASE WHEN state = 'ACTIVE' THEN 'ACCEPTED' ELSE 'RETIRED' END, "
                    + "accepted_until = CASE WHEN state = 'ACTIVE' THEN ? ELSE LEAST(accepted_until, ?) END "
                    + "WHERE terminal_id = ? AND key_type IN (" + types + ") AND state IN ('ACTIVE', 'ACCEPTED') "
                    + "RETURNING key_type, version, state";
            String rows = String.join(", ", java.util.Collections.nCopies(n, "(?, ?, ?, ?, ?)"));
            INSERT[n] = "INSERT INTO key_version (terminal_id, key_type, version, key_block, lmk_id, check_value, "
                    + "algorithm, state, issued_at, cause) "
                    + "SELECT ?, v.key_type, COALESCE((SELECT max(k.version) FROM key_version k "
                    + "WHERE k.terminal_id = ? AND k.key_type = v.key_type), 0) + 1, "
                    + "v.key_block, v.lmk_id, v.check_value, v.algorithm, 'ACTIVE', ?, ? "
                    + "FROM (VALUES " + rows + ") AS v (key_type, key_block, lmk_id, check_value, algorithm) "
                    + "RETURNING key_type, version";
        }
    }

    private final JdbcTemplate jdbc;

    KeyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the ACTIVE version of each of {@code types} ACCEPTED until {@code acceptedUntil}, and
     * the version accepted so far RETIRED (its window closed {@code now}). Returns the versions
     * that were ACTIVE, by key type.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<WorkingKeyType, Integer> supersede(String terminalId, List<WorkingKeyType> types, Instant now,
                                                  Instant acceptedUntil) {
        Object[] args = new Object[types.size() + 3];
        args[0] = utc(acceptedUntil);
        args[1] = utc(now);
        args[2] = terminalId;
        for (int i = 0; i < types.size(); i++) {
            args[i + 3] = types.get(i).name();
        }
        Map<WorkingKeyType, Integer> previous = new EnumMap<>(WorkingKeyType.class);
        jdbc.query(SUPERSEDE[types.size()], rs -> {
            if (KeyState.ACCEPTED.name().equals(rs.getString(3))) {
                previous.put(WorkingKeyType.valueOf(rs.getString(1)), rs.getInt(2));
            }
        }, args);
        return previous;
    }

    /** Stores {@code keys} as the next version of their types, ACTIVE; returns the versions given, by key type. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<WorkingKeyType, Integer> insertActive(String terminalId, List<NewKeyVersion> keys, Instant issuedAt,
                                                     IssueCause cause) {
        Object[] args = new Object[4 + keys.size() * 5];
        args[0] = terminalId;
        args[1] = terminalId;
        args[2] = utc(issuedAt);
        args[3] = cause.name();
        int i = 4;
        for (NewKeyVersion k : keys) {
            args[i++] = k.keyType().name();
            args[i++] = k.keyBlock().value();
            args[i++] = k.keyBlock().lmkId();
            args[i++] = k.checkValue();
            args[i++] = k.algorithm();
        }
        Map<WorkingKeyType, Integer> versions = new EnumMap<>(WorkingKeyType.class);
        jdbc.query(INSERT[keys.size()], rs -> {
            versions.put(WorkingKeyType.valueOf(rs.getString(1)), rs.getInt(2));
        }, args);
        return versions;
    }

    /** Destroys every version of the terminal not yet destroyed: its key block is deleted. Returns them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DestroyedVersion> destroyAll(String terminalId) {
        List<DestroyedVersion> destroyed = new ArrayList<>();
        jdbc.query("UPDATE key_version SET state = 'DESTROYED', key_block = NULL, accepted_until = NULL "
                        + "WHERE terminal_id = ? AND state <> 'DESTROYED' RETURNING key_type, version",
                rs -> {
                    destroyed.add(new DestroyedVersion(WorkingKeyType.valueOf(rs.getString(1)), rs.getInt(2)));
                }, terminalId);
        return destroyed;
    }

    /** Every version of the terminal, newest first per key type. */
    @Transactional(readOnly = true)
    public List<KeyVersionView> list(String terminalId) {
        return jdbc.query("SELECT key_type, version, state, algorithm, check_value, issued_at, accepted_until, cause "
                        + "FROM key_version WHERE terminal_id = ? ORDER BY key_type, version DESC",
                (rs, n) -> new KeyVersionView(WorkingKeyType.valueOf(rs.getString(1)), rs.getInt(2),
                        KeyState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant(),
                        IssueCause.valueOf(rs.getString(8))),
                terminalId);
    }

    /** A version that was just destroyed. */
    public record DestroyedVersion(WorkingKeyType keyType, int version) {
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
