package io.keyrail.rotation.keys;

import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * versions lose their key block. Versions of a type are consecutive, so the live ones are the two
 * below the version being issued: sign-in supersedes them, inserts the new ones and records them as
 * the terminal's latest in one statement, for all terminals of a batch, by exact primary key.
 */
@Repository
public class KeyVersions {

    /**
     * Supersede (the live versions are the two below the new one), insert, and advance the
     * terminal row's latest version of each type; returns the versions that became ACCEPTED.
     * The sub-statements see one snapshot and touch disjoint rows. The live versions are joined as
     * (terminal, type, version) triples so that each is one primary-key lookup: written as
     * {@code version IN (v - 1, v - 2)}, the planner read every version of the type instead.
     */
    private static final String ISSUE = "WITH v AS (SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], "
            + "?::text[], ?::text[], ?::text[]) AS v (terminal_id, key_type, version, key_block, lmk_id, check_value, algorithm)), "
            + "superseded AS (UPDATE key_version k SET "
            + "state = CASE WHEN k.state = 'ACTIVE' THEN 'ACCEPTED' ELSE 'RETIRED' END, "
            + "accepted_until = CASE WHEN k.state = 'ACTIVE' THEN ?::timestamptz ELSE LEAST(k.accepted_until, ?::timestamptz) END "
            + "FROM (SELECT v.terminal_id, v.key_type, v.version - d.below AS version "
            + "FROM v CROSS JOIN (VALUES (1), (2)) AS d (below)) AS live "
            + "WHERE k.terminal_id = live.terminal_id AND k.key_type = live.key_type AND k.version = live.version "
            + "AND k.state IN ('ACTIVE', 'ACCEPTED') "
            + "RETURNING k.terminal_id, k.key_type, k.version, k.state), "
            + "inserted AS (INSERT INTO key_version (terminal_id, key_type, version, key_block, lmk_id, check_value, "
            + "algorithm, state, issued_at, cause) SELECT terminal_id, key_type, version, key_block, lmk_id, check_value, "
            + "algorithm, 'ACTIVE', ?, ? FROM v), "
            + "latest AS (UPDATE terminal t SET tpk_version = COALESCE(n.tpk, t.tpk_version), "
            + "tak_version = COALESCE(n.tak, t.tak_version), tdk_version = COALESCE(n.tdk, t.tdk_version) "
            + "FROM (SELECT terminal_id, max(version) FILTER (WHERE key_type = 'TPK') AS tpk, "
            + "max(version) FILTER (WHERE key_type = 'TAK') AS tak, max(version) FILTER (WHERE key_type = 'TDK') AS tdk "
            + "FROM v GROUP BY terminal_id) n WHERE t.terminal_id = n.terminal_id) "
            + "SELECT terminal_id, key_type, version FROM superseded WHERE state = 'ACCEPTED'";

    private final JdbcTemplate jdbc;

    KeyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One key type of one terminal. */
    public record TerminalKey(String terminalId, WorkingKeyType keyType) {
    }

    /**
     * A working key to store as {@code version} of its type for {@code terminalId}: one above the
     * latest the terminal row holds (read under its row lock).
     */
    public record NewVersion(String terminalId, int version, NewKeyVersion key) {

        public NewVersion {
            if (version < 1) {
                throw new IllegalArgumentException("a key version starts at 1");
            }
        }
    }

    /**
     * Issues {@code keys}: each becomes the ACTIVE version of its type, the version ACTIVE so far
     * becomes ACCEPTED until {@code acceptedUntil}, and the one accepted so far RETIRED (its window
     * closed {@code now}); the terminal rows record the new versions as their latest. One
     * statement for all terminals of a sign-in batch, whose rows the caller has locked. Returns the
     * versions that were ACTIVE. A version that exists already (the latest on the terminal row was
     * stale) fails the statement on the primary key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<TerminalKey, Integer> issue(List<NewVersion> keys, Instant now, Instant acceptedUntil, IssueCause cause) {
        int n = keys.size();
        String[] terminals = new String[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        String[] blocks = new String[n];
        String[] lmks = new String[n];
        String[] checkValues = new String[n];
        String[] algorithms = new String[n];
        for (int i = 0; i < n; i++) {
            NewKeyVersion k = keys.get(i).key();
            terminals[i] = keys.get(i).terminalId();
            types[i] = k.keyType().name();
            versions[i] = keys.get(i).version();
            blocks[i] = k.keyBlock().value();
            lmks[i] = k.keyBlock().lmkId();
            checkValues[i] = k.checkValue();
            algorithms[i] = k.algorithm();
        }
        Map<TerminalKey, Integer> previous = new HashMap<>();
        jdbc.query(ISSUE, rs -> {
            previous.put(new TerminalKey(rs.getString(1), WorkingKeyType.valueOf(rs.getString(2))), rs.getInt(3));
        }, terminals, types, versions, blocks, lmks, checkValues, algorithms, utc(acceptedUntil), utc(now), utc(now),
                cause.name());
        return previous;
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
