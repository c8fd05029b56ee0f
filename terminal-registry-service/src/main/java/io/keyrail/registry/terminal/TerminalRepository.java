package io.keyrail.registry.terminal;

import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyScheme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code terminal} table, with JDBC batch inserts for bulk registration. */
@Repository
public class TerminalRepository {

    private static final String COLUMNS = "terminal_id, merchant_id, acquirer_profile, key_scheme, model, location,"
            + " status, registered_at, updated_at";
    private static final String INSERT = "insert into terminal (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    TerminalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code terminals} as REGISTERED in one JDBC batch; a duplicate id fails the batch. */
    public void insertAll(List<NewTerminal> terminals, Instant at) {
        Timestamp ts = Timestamp.from(at);
        jdbc.batchUpdate(INSERT, terminals, terminals.size(), (ps, t) -> {
            ps.setString(1, t.terminalId());
            ps.setString(2, t.merchantId());
            ps.setString(3, t.acquirerProfile());
            ps.setString(4, t.keyScheme().name());
            ps.setString(5, t.model());
            ps.setString(6, t.location());
            ps.setString(7, TerminalStatus.REGISTERED.name());
            ps.setTimestamp(8, ts);
            ps.setTimestamp(9, ts);
        });
    }

    /** The ids among {@code ids} that are already registered. */
    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("select terminal_id from terminal where terminal_id = any (?)");
            ps.setArray(1, con.createArrayOf("varchar", ids.toArray()));
            return ps;
        }, (rs, n) -> rs.getString(1)));
    }

    public Optional<Terminal> find(String terminalId) {
        return jdbc.query("select " + COLUMNS + " from terminal where terminal_id = ?", TerminalRepository::row,
                terminalId).stream().findFirst();
    }

    /** Which of {@code terminalIds} have {@code status}, read without a lock, in one statement. */
    public Set<String> withStatus(Collection<String> terminalIds, TerminalStatus status) {
        Set<String> found = new HashSet<>();
        jdbc.query("select terminal_id from terminal where terminal_id = any(?) and status = ?",
                rs -> {
                    found.add(rs.getString(1));
                }, terminalIds.toArray(String[]::new), status.name());
        return found;
    }

    /** The terminal, its row locked until the transaction ends (status changes are serialized). */
    public Optional<Terminal> lock(String terminalId) {
        return jdbc.query("select " + COLUMNS + " from terminal where terminal_id = ? for update",
                TerminalRepository::row, terminalId).stream().findFirst();
    }

    public void updateStatus(String terminalId, TerminalStatus status, Instant at) {
        jdbc.update("update terminal set status = ?, updated_at = ? where terminal_id = ?", status.name(),
                Timestamp.from(at), terminalId);
    }

    public void updateDetails(String terminalId, String model, String location, Instant at) {
        jdbc.update("update terminal set model = ?, location = ?, updated_at = ? where terminal_id = ?", model,
                location, Timestamp.from(at), terminalId);
    }

    public TerminalPage search(TerminalStatus status, String merchantId, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (merchantId != null) {
            where.append(" and merchant_id = ?");
            args.add(merchantId);
        }
        Long total = jdbc.queryForObject("select count(*) from terminal" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Terminal> items = jdbc.query("select " + COLUMNS + " from terminal" + where
                + " order by terminal_id limit ? offset ?", TerminalRepository::row, pageArgs.toArray());
        long totalElements = total == null ? 0 : total;
        return new TerminalPage(items, page, size, totalElements, (int) ((totalElements + size - 1) / size));
    }

    private static Terminal row(ResultSet rs, int n) throws SQLException {
        return new Terminal(rs.getString("terminal_id"), rs.getString("merchant_id"), rs.getString("acquirer_profile"),
                KeyScheme.valueOf(rs.getString("key_scheme")), rs.getString("model"), rs.getString("location"),
                TerminalStatus.valueOf(rs.getString("status")), rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
