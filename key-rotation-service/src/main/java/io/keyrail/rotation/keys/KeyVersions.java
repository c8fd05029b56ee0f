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
 * versions lose their key block. Sign-in uses one statement to supersede and one to insert,
 * whatever the number of keys and terminals, both through the primary key (the live versions are the
 * two highest of their type).
 */
@Repository
public class KeyVersions {

    /** The live versions are the two highest of their type: found through the primary key (see V5 migration). */
    private static final String SUPERSEDE = "UPDATE key_version k SET "
            + "state = CASE WHEN k.state = 'ACTIVE' THEN 'ACCEPTED' ELSE 'RETIRED' END, "
            + "accepted_until = CASE WHEN k.state = 'ACTIVE' THEN ? ELSE LEAST(k.accepted_until, ?) END "
            + "FROM (SELECT v.terminal_id, v.key_type, (SELECT max(m.version) FROM key_version m "
            + "WHERE m.terminal_id = v.terminal_id AND m.key_type = v.key_type) AS latest "
            + "FROM unnest(?::text[], ?::text[]) AS v (terminal_id, key_type)) AS v "
            + "WHERE k.terminal_id = v.terminal_id AND k.key_type = v.key_type AND k.version >= v.latest - 1 "
            + "AND k.state IN ('ACTIVE', 'ACCEPTED') "
            + "RETURNING k.terminal_id, k.key_type, k.version, k.state";
    private static final String INSERT = "INSERT INTO key_version (terminal_id, key_type, version, key_block, lmk_id, "
            + "check_value, algorithm, state, issued_at, cause) "
            + "SELECT v.terminal_id, v.key_type, COALESCE((SELECT max(k.version) FROM key_version k "
            + "WHERE k.terminal_id = v.terminal_id AND k.key_type = v.key_type), 0) + 1, "
            + "v.key_block, v.lmk_id, v.check_value, v.algorithm, 'ACTIVE', ?, ? "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "AS v (terminal_id, key_type, key_block, lmk_id, check_value, algorithm) "
            + "RETURNING terminal_id, key_type, version";

    private final JdbcTemplate jdbc;

    KeyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One key type of one terminal. */
    public record TerminalKey(String terminalId, WorkingKeyType keyType) {
    }

    /** A working key to store as the next version of its type for {@code terminalId}. */
    public record NewVersion(String terminalId, NewKeyVersion key) {
    }

    /**
     * Makes the ACTIVE version of each of {@code keys} ACCEPTED until {@code acceptedUntil}, and
     * the version accepted so far RETIRED (its window closed {@code now}). Returns the versions
     * that were ACTIVE. One statement for all terminals of a sign-in batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<TerminalKey, Integer> supersede(List<TerminalKey> keys, Instant now, Instant acceptedUntil) {
        String[] terminals = new String[keys.size()];
        String[] types = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            terminals[i] = keys.get(i).terminalId();
            types[i] = keys.get(i).keyType().name();
        }
        Map<TerminalKey, Integer> previous = new HashMap<>();
        jdbc.query(SUPERSEDE, rs -> {
            if (KeyState.ACCEPTED.name().equals(rs.getString(4))) {
                previous.put(new TerminalKey(rs.getString(1), WorkingKeyType.valueOf(rs.getString(2))), rs.getInt(3));
            }
        }, utc(acceptedUntil), utc(now), terminals, types);
        return previous;
    }

    /** Stores each key as the next version of its type, ACTIVE; returns the versions given. One statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<TerminalKey, Integer> insertActive(List<NewVersion> keys, Instant issuedAt, IssueCause cause) {
        int n = keys.size();
        String[] terminals = new String[n];
        String[] types = new String[n];
        String[] blocks = new String[n];
        String[] lmks = new String[n];
        String[] checkValues = new String[n];
        String[] algorithms = new String[n];
        for (int i = 0; i < n; i++) {
            NewKeyVersion k = keys.get(i).key();
            terminals[i] = keys.get(i).terminalId();
            types[i] = k.keyType().name();
            blocks[i] = k.keyBlock().value();
            lmks[i] = k.keyBlock().lmkId();
            checkValues[i] = k.checkValue();
            algorithms[i] = k.algorithm();
        }
        Map<TerminalKey, Integer> versions = new HashMap<>();
        jdbc.query(INSERT, rs -> {
            versions.put(new TerminalKey(rs.getString(1), WorkingKeyType.valueOf(rs.getString(2))), rs.getInt(3));
        }, utc(issuedAt), cause.name(), terminals, types, blocks, lmks, checkValues, algorithms);
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
