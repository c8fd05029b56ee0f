package io.keyrail.support.events;

import io.keyrail.events.KeyrailEvent;
import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the events of one record key (one terminal) in the order their transactions committed,
 * although each transaction's events are sent by its own thread after it commits.
 *
 * <p>The risk it closes: two transactions on one terminal are serialized by the database (row
 * lock), but after the first commits, the second can commit and send before the first thread has
 * sent: on a compacted topic the older key version would then win. So a transaction that publishes
 * events takes, just before it commits, a lock per record key (one of {@value #STRIPES} stripes,
 * taken in stripe order, so two transactions cannot wait on each other), and releases it after its
 * events have been handed to the producer ({@link KafkaEventRelay} runs first). The producer keeps
 * per-partition order from there (idempotent, in-flight requests ≤ 5). A stripe is held for a
 * commit and a few sends; unrelated terminals rarely share one.
 */
public class RecordKeyOrder {

    static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public RecordKeyOrder() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Notes the event's record key in the current transaction (events outside one are sent at once, unordered). */
    @EventListener
    public void published(KeyrailEvent event) {
        Held held = held();
        if (held != null) {
            held.keys.set(stripe(event.recordKey()));
        }
    }

    /** Notes the record key of every event of the batch, as {@link #published(KeyrailEvent)} does for one. */
    @EventListener
    public void published(EventBatch batch) {
        Held held = held();
        if (held != null) {
            for (KeyrailEvent event : batch.events()) {
                held.keys.set(stripe(event.recordKey()));
            }
        }
    }

    /** The current transaction's stripes, registered with it on first use; null outside a transaction. */
    private Held held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new Held();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        return held;
    }

    /** Whether a transaction waits to send events of {@code recordKey}'s stripe (for tests and diagnostics). */
    boolean hasWaiters(String recordKey) {
        return stripes[stripe(recordKey)].hasQueuedThreads();
    }

    static int stripe(String recordKey) {
        int h = recordKey.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    /** The stripes of one transaction: taken before commit, released after the relay has sent. */
    private final class Held implements TransactionSynchronization {

        final BitSet keys = new BitSet(STRIPES);
        private boolean locked;

        @Override
        public void beforeCompletion() {
            // Runs on commit and on rollback, after beforeCommit (where outbox rows are written).
            for (int i = keys.nextSetBit(0); i >= 0; i = keys.nextSetBit(i + 1)) {
                stripes[i].lock();
            }
            locked = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RecordKeyOrder.this);
            if (locked) {
                for (int i = keys.nextSetBit(0); i >= 0; i = keys.nextSetBit(i + 1)) {
                    stripes[i].unlock();
                }
                locked = false;
            }
        }

        @Override
        public int getOrder() {
            // After the relay's own synchronization (order 0), so its sends happen while the stripes are held.
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
