package io.keyrail.registry.outbox;

import io.keyrail.events.KeyrailEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/**
 * The transactional outbox for many events at once (bulk registration): the same event publication
 * table Spring Modulith keeps, written with one JDBC batch per call instead of one insert per
 * event, in the caller's transaction, so the events commit with the change or not at all.
 *
 * <p>After the commit, {@link #handOff} gives the publications to Modulith's resubmission on a
 * background thread, which externalizes them to Kafka like any other publication (and marks them
 * completed); a publication the service could not hand off before a crash is published on restart
 * ({@code republish-outstanding-events-on-restart}) or by the periodic resubmission.
 */
@Component
public class BulkOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkOutbox.class);

    /** The listener id Modulith records for its Kafka externalizer (as its own completion advisor derives it). */
    public static final String EXTERNALIZER_LISTENER_ID = externalizerListenerId();

    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;
    private final IncompleteEventPublications incomplete;
    private final ExecutorService handOff = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-outbox-hand-off");
        t.setDaemon(true);
        return t;
    });

    BulkOutbox(JdbcTemplate jdbc, EventSerializer serializer, IncompleteEventPublications incomplete) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.incomplete = incomplete;
    }

    /** Records {@code events} for publication in the caller's transaction; returns their publication ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> record(List<? extends KeyrailEvent> events, Instant at) {
        List<UUID> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        Timestamp ts = Timestamp.from(at);
        for (KeyrailEvent e : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new Object[] {id, e.getClass().getName(), EXTERNALIZER_LISTENER_ID, ts,
                    serializer.serialize(e).toString(), "PUBLISHED", 1, ts});
        }
        jdbc.batchUpdate("insert into event_publication (id, event_type, listener_id, publication_date,"
                + " serialized_event, status, completion_attempts, last_resubmission_date)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    /** After the commit: externalizes the committed publications {@code ids} in the background. */
    public void handOff(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> pending = new HashSet<>(ids);
        handOff.execute(() -> {
            try {
                incomplete.resubmitIncompletePublications(p -> pending.contains(p.getIdentifier()));
            } catch (RuntimeException e) {
                LOG.warn("handing {} bulk publications to the externalizer failed; the periodic resubmission will"
                        + " publish them: {}", pending.size(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        handOff.shutdown();
    }

    private static String externalizerListenerId() {
        try {
            var method = DelegatingEventExternalizer.class.getMethod("externalize", Object.class);
            return new TransactionalApplicationListenerMethodAdapter("kafkaEventExternalizer",
                    DelegatingEventExternalizer.class, method).getListenerId();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Spring Modulith's externalizer has no externalize(Object) method", e);
        }
    }
}
