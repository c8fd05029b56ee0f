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
 * The working key versions of every terminal. Per key type, one version is ACTIVE (issued at the
 * last sign-in) and at most one is ACCEPTED: the one that sign-in superseded, until its overlap
 * window ends (messages in flight under it still verify). A newer sign-in retires it at once: by
 * then the terminal has used the version after it. Destroyed versions lose their key block.
 *
 * <p>Versions of a type are consecutive, so those states follow from the versions themselves: each
 * version is written once, when it is issued ({@code key_version_record}, with the end of the
 * window it gives the version below it), and the view {@code key_version} derives state and
 * window (V9). Sign-in inserts the new versions and records them as the terminal's latest in one
 * statement, for all terminals of a batch; it no longer rewrites the versions it supersedes, which
 * under load was most of the statement's work and of the database's WAL.
 */
@Repository
public class KeyVersions {

    /**
     * Insert the new versions (each with the end of the window it gives the version below it, when
     * that one is live), and advance the terminal row's latest version of each type; returns the
     * versions superseded (the ones below, unless destroyed), found by exact primary key. The
     * sub-statements see one snapshot.
     */
    private static final String ISSUE = "WITH v AS (SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], "
            + "?::text[], ?::text[], ?::text[]) AS v (terminal_id, key_type, version, key_block, lmk_id, check_value, algorithm)), "
            + "previous AS (SELECT p.terminal_id, p.key_type, p.version FROM v JOIN key_version_record p "
            + "ON p.terminal_id = v.terminal_id AND p.key_type = v.key_type AND p.version = v.version - 1 "
            + "WHERE p.state NOT IN ('DESTROYED', 'REVOKED')), "
            + "inserted AS (INSERT INTO key_version_record (terminal_id, key_type, version, key_block, lmk_id, check_value, "
            + "algorithm, state, issued_at, cause, predecessor_accepted_until) SELECT v.terminal_id, v.key_type, v.version, "
            + "v.key_block, v.lmk_id, v.check_value, v.algorithm, 'ACTIVE', ?, ?, "
            + "CASE WHEN p.version IS NULL THEN NULL ELSE ?::timestamptz END "
            + "FROM v LEFT JOIN previous p ON p.terminal_id = v.terminal_id AND p.key_type = v.key_type), "
            + "latest AS (UPDATE terminal t SET tpk_version = COALESCE(n.tpk, t.tpk_version), "
            + "tak_version = COALESCE(n.tak, t.tak_version), tdk_version = COALESCE(n.tdk, t.tdk_version) "
            + "FROM (SELECT terminal_id, max(version) FILTER (WHERE key_type = 'TPK') AS tpk, "
            + "max(version) FILTER (WHERE key_type = 'TAK') AS tak, max(version) FILTER (WHERE key_type = 'TDK') AS tdk "
            + "FROM v GROUP BY terminal_id) n WHERE t.terminal_id = n.terminal_id) "
            + "SELECT terminal_id, key_type, version FROM previous";

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
     * closed {@code now}), as the view derives them from the rows inserted; the terminal rows record
     * the new versions as their latest. One
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
        }, terminals, types, versions, blocks, lmks, checkValues, algorithms, utc(now), cause.name(),
                utc(acceptedUntil));
        return previous;
    }

    /** Destroys every version of the terminal not yet destroyed: its key block is deleted. Returns them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DestroyedVersion> destroyAll(String terminalId) {
        List<DestroyedVersion> destroyed = new ArrayList<>();
        jdbc.query("UPDATE key_version_record SET state = 'DESTROYED', key_block = NULL "
                        + "WHERE terminal_id = ? AND state <> 'DESTROYED' RETURNING key_type, version",
                rs -> {
                    destroyed.add(new DestroyedVersion(WorkingKeyType.valueOf(rs.getString(1)), rs.getInt(2)));
                }, terminalId);
        return destroyed;
    }

    /** Every version of the terminal, newest first per key type, with its state (from the view). */
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
