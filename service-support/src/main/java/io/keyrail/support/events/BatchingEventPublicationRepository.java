package io.keyrail.support.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's event publication repository (Spring Modulith's JDBC one, schema v2) with its
 * writes batched, for services that publish thousands of events a second:
 * <ul>
 * <li>the publications of one transaction are inserted with one multi-row statement just before
 * it commits (Modulith inserts each on its own as it is published), still in that transaction;</li>
 * <li>completions are not written one statement and one commit per event, on the Kafka producer's
 * I/O thread (with a durable database that caps the outbox at about one event per WAL flush), but
 * queued and written by one thread, those acknowledged within 50 ms of each other with one
 * statement and one commit.</li>
 * </ul>
 * Everything else goes to Modulith's repository unchanged.
 *
 * <p>What it changes: a completion is written up to about 50 ms after Kafka's acknowledgement,
 * so a crash in between sends those events again after the restart (at least once, as before:
 * consumers de-duplicate by event id); the in-flight state ({@code PROCESSING}) is not written, as
 * it would cost one more commit per event. Publications are still created in the business
 * transaction, and incomplete ones are still resubmitted. The table is {@code event_publication}.
 */
final class BatchingEventPublicationRepository implements EventPublicationRepository {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingEventPublicationRepository.class);
    private static final int MAX_BATCH = 500;
    /** How long the completion writer gathers acknowledgements before it writes them. */
    private static final long COMPLETION_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final int ROWS_PER_INSERT = 100;
    private static final String INSERT = "INSERT INTO event_publication (id, event_type, listener_id, publication_date, "
            + "serialized_event, status, completion_attempts, last_resubmission_date) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    private final EventPublicationRepository delegate;
    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;
    private final TransactionTemplate transactions;
    private final boolean deleteOnCompletion;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Completion(UUID id, Instant at) {
    }

    BatchingEventPublicationRepository(EventPublicationRepository delegate, JdbcTemplate jdbc, EventSerializer serializer,
                                       TransactionTemplate transactions, boolean deleteOnCompletion) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.transactions = transactions;
        this.deleteOnCompletion = deleteOnCompletion;
        this.writer = Thread.ofPlatform().daemon().name("outbox-completions").start(this::writeCompletions);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        completions.add(new Completion(identifier, completionDate));
    }

    @Override
    public void markProcessing(UUID identifier) {
        // not written: see the class comment
    }

    private void writeCompletions() {
        List<Completion> batch = new ArrayList<>(MAX_BATCH);
        while (running || !completions.isEmpty()) {
            try {
                Completion first = completions.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherFor(batch, COMPLETION_LINGER_NANOS);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                LOG.warn("{} completions not written ({}); their events will be resubmitted", batch.size(),
                        e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Adds the completions that arrive within {@code nanos} (or until the batch is full or the
     * repository closes). Kafka acknowledges a few records at a time, so without the wait most
     * deletes removed one to five rows, each with its own commit (about 100 a second beside 400
     * sign-in commits at 2,000 sign-ins/s).
     */
    private void gatherFor(List<Completion> batch, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        completions.drainTo(batch, MAX_BATCH - batch.size());
        while (batch.size() < MAX_BATCH && running) {
            long left = deadline - System.nanoTime();
            Completion next = left > 0 ? completions.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            completions.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void write(List<Completion> batch) {
        if (deleteOnCompletion) {
            delegate.deletePublications(batch.stream().map(Completion::id).toList());
        } else {
            transactions.executeWithoutResult(status -> batch.forEach(c -> delegate.markCompleted(c.id(), c.at())));
        }
    }

    /** Writes what is queued, then stops the writer. */
    void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completions acknowledged but not yet written. */
    int pending() {
        return completions.size();
    }

    /**
     * Inside a transaction, remembers the publication and inserts all of the transaction's
     * publications just before it commits; outside one, inserts it at once.
     */
    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return delegate.create(publication);
        }
        @SuppressWarnings("unchecked")
        List<TargetEventPublication> pending = (List<TargetEventPublication>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<TargetEventPublication> created = new ArrayList<>(8);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    insert(created);
                    created.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BatchingEventPublicationRepository.this);
                }
            });
            pending = created;
        }
        pending.add(publication);
        return publication;
    }

    /** The same rows Modulith's repository inserts (status, one attempt), {@value #ROWS_PER_INSERT} per statement. */
    private void insert(List<TargetEventPublication> publications) {
        for (int from = 0; from < publications.size(); from += ROWS_PER_INSERT) {
            List<TargetEventPublication> chunk = publications.subList(from,
                    Math.min(publications.size(), from + ROWS_PER_INSERT));
            Object[] args = new Object[chunk.size() * 8];
            int i = 0;
            for (TargetEventPublication p : chunk) {
                Timestamp published = Timestamp.from(p.getPublicationDate());
                args[i++] = p.getIdentifier();
                args[i++] = p.getEvent().getClass().getName();
                args[i++] = p.getTargetIdentifier().getValue();
                args[i++] = published;
                args[i++] = serializer.serialize(p.getEvent()).toString();
                args[i++] = p.getStatus().name();
                args[i++] = 1;
                args[i++] = published;
            }
            jdbc.update(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)), args);
        }
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markFailed(UUID identifier) {
        delegate.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return delegate.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return delegate.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return delegate.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return delegate.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        delegate.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        delegate.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        delegate.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return delegate.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
        return delegate.findByStatus(status);
    }

    @Override
    public int countByStatus(EventPublication.Status status) {
        return delegate.countByStatus(status);
    }
}
