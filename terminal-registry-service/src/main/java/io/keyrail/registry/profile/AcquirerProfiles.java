package io.keyrail.registry.profile;

import io.keyrail.hsm.api.key.KeyScheme;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The acquirer profiles in the registry's database (seeded by Flyway). */
@Service
public class AcquirerProfiles {

    private final JdbcTemplate jdbc;

    AcquirerProfiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AcquirerProfile> all() {
        return jdbc.query("select id, description, allowed_schemes, default_scheme from acquirer_profile order by id",
                AcquirerProfiles::row);
    }

    public Optional<AcquirerProfile> find(String id) {
        return jdbc.query("select id, description, allowed_schemes, default_scheme from acquirer_profile where id = ?",
                AcquirerProfiles::row, id).stream().findFirst();
    }

    /** Every profile by id: a snapshot for validating many rows (bulk registration). */
    public Map<String, AcquirerProfile> snapshot() {
        Map<String, AcquirerProfile> byId = new LinkedHashMap<>();
        for (AcquirerProfile p : all()) {
            byId.put(p.id(), p);
        }
        return byId;
    }

    private static AcquirerProfile row(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("allowed_schemes");
        Set<KeyScheme> schemes = EnumSet.noneOf(KeyScheme.class);
        for (Object s : (Object[]) array.getArray()) {
            schemes.add(KeyScheme.valueOf((String) s));
        }
        return new AcquirerProfile(rs.getString("id"), rs.getString("description"), schemes,
                KeyScheme.valueOf(rs.getString("default_scheme")));
    }
}
