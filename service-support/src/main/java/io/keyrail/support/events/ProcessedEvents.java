package io.keyrail.support.events;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * De-duplication of consumed events by event id, in the same transaction as their effect: a
 * redelivered event finds its id already recorded and is skipped, and an effect that rolls back
 * takes its record with it. Each service's database has the {@code processed_event} table
 * ({@code event_id uuid primary key, consumer text, processed_at timestamptz}).
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code eventId} as processed by {@code consumer}; true on its first delivery, false
     * when it was processed before. Must run inside the transaction that applies the effect.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return jdbc.update("insert into processed_event (event_id, consumer, processed_at) values (?, ?, now()) "
                + "on conflict (event_id) do nothing", eventId, consumer) == 1;
    }
}
