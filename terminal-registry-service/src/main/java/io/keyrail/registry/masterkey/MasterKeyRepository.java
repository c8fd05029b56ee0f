package io.keyrail.registry.masterkey;

import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.SealedComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code terminal_master_key} and {@code master_key_component} tables. */
@Repository
class MasterKeyRepository {

    private final JdbcTemplate jdbc;

    MasterKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InstalledMasterKey> find(String terminalId) {
        return jdbc.query("select terminal_id, version, key_scheme, key_block, lmk_id, check_value, method, installed_at"
                + " from terminal_master_key where terminal_id = ?", MasterKeyRepository::key, terminalId)
                .stream().findFirst();
    }

    void save(InstalledMasterKey k) {
        jdbc.update("insert into terminal_master_key (terminal_id, version, key_scheme, key_block, lmk_id, check_value,"
                + " method, installed_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (terminal_id) do update set"
                + " version = excluded.version, key_scheme = excluded.key_scheme, key_block = excluded.key_block,"
                + " lmk_id = excluded.lmk_id, check_value = excluded.check_value, method = excluded.method,"
                + " installed_at = excluded.installed_at", k.terminalId(), k.version(), k.keyScheme().name(),
                k.keyBlock().value(), k.keyBlock().lmkId(), k.checkValue(), k.method().name(),
                Timestamp.from(k.installedAt()));
    }

    void delete(String terminalId) {
        jdbc.update("delete from terminal_master_key where terminal_id = ?", terminalId);
    }

    void saveComponent(String terminalId, int tmkVersion, int of, String custodian, String checkValue,
                       SealedComponent sealed) {
        jdbc.update("insert into master_key_component (terminal_id, tmk_version, number, of_count, custodian,"
                + " check_value, sealed_block, lmk_id) values (?, ?, ?, ?, ?, ?, ?, ?)", terminalId, tmkVersion,
                sealed.number(), of, custodian, checkValue, sealed.keyBlock().value(), sealed.keyBlock().lmkId());
    }

    List<PendingComponent> components(String terminalId) {
        return jdbc.query("select * from master_key_component where terminal_id = ? order by number",
                MasterKeyRepository::component, terminalId);
    }

    /** The component, its row locked until the transaction ends (one release at a time). */
    Optional<PendingComponent> lockComponent(String terminalId, int number) {
        return jdbc.query("select * from master_key_component where terminal_id = ? and number = ? for update",
                MasterKeyRepository::component, terminalId, number).stream().findFirst();
    }

    /** Erases the sealed component and records its release. */
    void markReleased(String terminalId, int number, Instant at) {
        jdbc.update("update master_key_component set sealed_block = null, lmk_id = null, released_at = ?"
                + " where terminal_id = ? and number = ?", Timestamp.from(at), terminalId, number);
    }

    /** Deletes every component of the terminal (released or not); returns how many were still sealed. */
    int deleteComponents(String terminalId) {
        Integer sealed = jdbc.queryForObject("select count(*) from master_key_component where terminal_id = ?"
                + " and sealed_block is not null", Integer.class, terminalId);
        jdbc.update("delete from master_key_component where terminal_id = ?", terminalId);
        return sealed == null ? 0 : sealed;
    }

    private static InstalledMasterKey key(ResultSet rs, int n) throws SQLException {
        return new InstalledMasterKey(rs.getString("terminal_id"), rs.getInt("version"),
                KeyScheme.valueOf(rs.getString("key_scheme")), new KeyBlock(rs.getString("lmk_id"),
                rs.getString("key_block")), rs.getString("check_value"),
                MasterKeyInstallation.valueOf(rs.getString("method")), rs.getTimestamp("installed_at").toInstant());
    }

    private static PendingComponent component(ResultSet rs, int n) throws SQLException {
        String sealed = rs.getString("sealed_block");
        Timestamp released = rs.getTimestamp("released_at");
        return new PendingComponent(rs.getString("terminal_id"), rs.getInt("tmk_version"), rs.getInt("number"),
                rs.getInt("of_count"), rs.getString("custodian"), rs.getString("check_value"),
                sealed == null ? null : new KeyBlock(rs.getString("lmk_id"), sealed),
                released == null ? null : released.toInstant());
    }
}
