package io.keyrail.registry.outbox;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.support.events.KafkaEventRelay;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox for many events at once (bulk registration): the same event publication
 * table Spring Modulith keeps, written with one JDBC batch per call instead of one insert per
 * event, in the caller's transaction, so the events commit with the change or not at all.
 *
 * <p>After the commit, {@link #handOff} relays the publications on a background thread: it reads
 * them back from the table a page at a time (only their ids are held, whatever the size of the
 * request), hands each to the {@link KafkaEventRelay} and completes it when Kafka acknowledges it,
 * in batches ({@code keyrail.events.batched-writes}). Modulith's resubmission would also publish
 * them, but it writes each one's resubmission on its own before sending it: one commit per event.
 * A publication not relayed before a crash is published on restart
 * ({@code republish-outstanding-events-on-restart}) or by the periodic resubmission.
 */
@Component
public class BulkOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkOutbox.class);
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;
    private final KafkaEventRelay relay;
    private final EventPublicationRepository publications;
    private final ExecutorService handOff = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-outbox-hand-off");
        t.setDaemon(true);
        return t;
    });

    BulkOutbox(JdbcTemplate jdbc, EventSerializer serializer, KafkaEventRelay relay,
               EventPublicationRepository publications) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.relay = relay;
        this.publications = publications;
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
            rows.add(new Object[] {id, e.getClass().getName(), KafkaEventRelay.LISTENER_ID, ts,
                    serializer.serialize(e).toString(), "PUBLISHED", 1, ts});
        }
        jdbc.batchUpdate("insert into event_publication (id, event_type, listener_id, publication_date,"
                + " serialized_event, status, completion_attempts, last_resubmission_date)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    /** After the commit: relays the committed publications {@code ids} to Kafka in the background, in order. */
    public void handOff(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> committed = List.copyOf(ids);
        handOff.execute(() -> {
            try {
                for (int from = 0; from < committed.size(); from += PAGE) {
                    relayPage(committed.subList(from, Math.min(committed.size(), from + PAGE)));
                }
            } catch (RuntimeException e) {
                LOG.warn("relaying {} bulk publications stopped; the periodic resubmission will publish the rest: {}",
                        committed.size(), e.toString());
            }
        });
    }

    private void relayPage(List<UUID> page) {
        Map<UUID, KeyrailEvent> events = new HashMap<>(page.size() * 2);
        jdbc.query("select id, event_type, serialized_event from event_publication where id = any(?)",
                rs -> {
                    events.put(rs.getObject(1, UUID.class), deserialize(rs.getString(2), rs.getString(3)));
                }, (Object) page.toArray(UUID[]::new));
        for (UUID id : page) {
            KeyrailEvent event = events.get(id);
            if (event == null) {
                continue; // already completed by a resubmission
            }
            relay.send(event).whenComplete((sent, failure) -> {
                if (failure == null) {
                    publications.markCompleted(id, Instant.now());
                } else {
                    publications.markFailed(id);
                }
            });
        }
    }

    private KeyrailEvent deserialize(String type, String json) {
        try {
            return (KeyrailEvent) serializer.deserialize(json, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown event type in the outbox: " + type, e);
        }
    }

    @Override
    public void close() {
        handOff.shutdown();
    }
}
