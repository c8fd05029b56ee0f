package io.keyrail.registry.transportkey;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.registry.RegistryProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transport keys: formed in the HSM from 2 or 3 clear components, each checked against its check
 * value (ISO 11568-2), and kept as key blocks under the LMK (key type ZMK: usage K0, wrap and
 * unwrap). The components are not stored.
 */
@Service
public class TransportKeys {

    private static final String COLUMNS = "id, purpose, key_scheme, key_block, lmk_id, check_value, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final KeyComponents components;

    TransportKeys(JdbcTemplate jdbc, KeyComponents keyComponents) {
        this.jdbc = jdbc;
        this.components = keyComponents;
    }

    @Transactional
    public TransportKey form(String id, TransportKeyPurpose purpose, KeyScheme scheme, List<CheckedComponent> parts,
                             String createdBy) {
        if (find(id) != null) {
            throw conflict(id);
        }
        var key = switch (components.formFromComponents(KeyType.ZMK, scheme, parts)) {
            case ComponentFormation.Formed f -> f.key();
            case ComponentFormation.ComponentCheckValueMismatch m -> throw RegistryProblem.invalid("component "
                    + m.componentNumber() + " does not match its check value");
        };
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.update("insert into transport_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", id, purpose.name(),
                    scheme.name(), key.keyBlock().value(), key.keyBlock().lmkId(), key.checkValue().hex(), createdBy,
                    Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw conflict(id);
        }
        return new TransportKey(id, purpose, scheme, key.keyBlock(), key.checkValue().hex(), createdBy, now);
    }

    public List<TransportKey> all() {
        return jdbc.query("select " + COLUMNS + " from transport_key order by id", TransportKeys::row);
    }

    /** The transport key {@code id}, or null. */
    public TransportKey find(String id) {
        return jdbc.query("select " + COLUMNS + " from transport_key where id = ?", TransportKeys::row, id).stream()
                .findFirst().orElse(null);
    }

    /** The transport key {@code id} for {@code purpose}: 404 when unknown, 409 when it serves another purpose. */
    public TransportKey require(String id, TransportKeyPurpose purpose) {
        TransportKey key = find(id);
        if (key == null) {
            throw RegistryProblem.notFound("transport key", id);
        }
        if (key.purpose() != purpose) {
            throw RegistryProblem.conflict("transport-key-purpose", "Wrong transport key",
                    "transport key " + id + " is a " + key.purpose() + " key, not a " + purpose + " key");
        }
        return key;
    }

    private static RegistryProblem conflict(String id) {
        return RegistryProblem.conflict("duplicate-transport-key", "Transport key exists",
                "transport key " + id + " already exists");
    }

    private static TransportKey row(ResultSet rs, int n) throws SQLException {
        return new TransportKey(rs.getString("id"), TransportKeyPurpose.valueOf(rs.getString("purpose")),
                KeyScheme.valueOf(rs.getString("key_scheme")), new KeyBlock(rs.getString("lmk_id"),
                rs.getString("key_block")), rs.getString("check_value"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
