package io.keyrail.rotation.signin;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for sign-ins. Each request waits in a queue; a few writer threads take whatever
 * has queued up (up to {@code keyrail.rotation.sign-in-batch}) and sign it in with one
 * transaction ({@link SignIn}): one lock, supersede and insert statement, one outbox insert and
 * one commit (one WAL flush) for the batch instead of for every request. Nothing waits for a batch
 * to fill: an idle writer takes the first request at once, so at low load a batch is one request,
 * and under load batches grow while the previous ones commit.
 *
 * <p>The first writer takes sign-ins as they come; the others are helpers that take them only
 * once the oldest has waited {@code keyrail.rotation.sign-in-helper-delay} (2 ms): while the first
 * keeps up, every batch is as large as the time it spent on the previous one allows, and a slow
 * batch (a collection pause, a checkpoint, a core taken away) no longer holds up all the sign-ins
 * queued behind it. Two writers that both took sign-ins at once made batches of about three at
 * 2,000 sign-ins/s, and PostgreSQL spent most of its CPU on their commits.
 *
 * <p>Under load, the first writer also lingers ({@code keyrail.rotation.sign-in-linger}): when
 * other sign-ins are already waiting as it takes the oldest, it lets that one wait up to the linger
 * before it writes what has queued, so that each transaction carries more sign-ins. A transaction
 * costs the database and the service far more than a sign-in in it: at 2,000 sign-ins/s, 4 ms made
 * the machine about a quarter less busy and 8 ms about two fifths (docs/performance.md, session 10).
 *
 * <p>One terminal is never twice in a batch (a later request for it goes in the next round, after
 * the earlier one committed). When a batch fails as a whole (a database error), each of its
 * requests is tried alone, so one bad request cannot fail the others.
 */
@Component
class SignInBatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInBatcher.class);
    /** The longest a writer waits before it looks again whether the batcher is stopping. */
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SignIn signIn;
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;
    private final int writers;
    private final int maxBatch;
    private final long helperDelayNanos;
    private final long lingerNanos;
    /** The longest an idle helper parks before it looks again ({@link #STOP_CHECK_NANOS}; longer in tests). */
    private final long idleParkNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    /** The helper writers, and how many are parked because the queue was empty: the next {@link #submit} wakes them. */
    private volatile List<Thread> helpers = List.of();
    private final AtomicInteger idleHelpers = new AtomicInteger();
    private volatile boolean running;

    /** A sign-in submitted while the service stops: nothing was issued, and the caller may retry elsewhere. */
    static final class Stopping extends IllegalStateException {
        Stopping() {
            super("sign-in is not accepting requests (shutting down)");
        }
    }

    private record Pending(SignIn.Attempt attempt, CompletableFuture<SignInOutcome> outcome, long queuedAt) {
    }

    @Autowired
    SignInBatcher(SignIn signIn, RotationProperties properties, MeterRegistry meters) {
        this(signIn, properties, meters, STOP_CHECK_NANOS);
    }

    SignInBatcher(SignIn signIn, RotationProperties properties, MeterRegistry meters, long idleParkNanos) {
        this.signIn = signIn;
        this.idleParkNanos = idleParkNanos;
        this.batchSizes = DistributionSummary.builder("keyrail.sign_in.batch.size")
                .description("Sign-ins written in one transaction").register(meters);
        this.batchTimes = Timer.builder("keyrail.sign_in.batch.duration")
                .description("Time to sign in one batch: HSM, statements, commit and handing its events to Kafka")
                .publishPercentileHistogram()
                .register(meters);
        this.writers = properties.signInWriters();
        this.maxBatch = properties.signInBatch();
        this.helperDelayNanos = properties.signInHelperDelay().toNanos();
        this.lingerNanos = properties.signInLinger().toNanos();
    }

    /** Queues a sign-in; the outcome completes when its batch has committed (or failed). */
    CompletableFuture<SignInOutcome> submit(String terminalId, CupSignInMode mode) {
        CompletableFuture<SignInOutcome> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new Stopping());
            return outcome;
        }
        queue.add(new Pending(new SignIn.Attempt(terminalId, mode), outcome, System.nanoTime()));
        if (idleHelpers.get() > 0) {
            helpers.forEach(LockSupport::unpark);
        }
        return outcome;
    }

    private void write(boolean helper) {
        List<Pending> taken = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = helper ? takeAsHelper() : queue.poll(STOP_CHECK_NANOS, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                boolean othersWaiting = !queue.isEmpty();
                taken.add(first);
                if (!helper && othersWaiting) {
                    linger(first);
                }
                queue.drainTo(taken, maxBatch - 1);
                inRounds(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("a sign-in batch failed unexpectedly: {}", e.toString());
                taken.forEach(p -> p.outcome().completeExceptionally(e));
            } finally {
                taken.clear();
            }
        }
    }

    /**
     * Lets {@code first} wait until it has waited {@code signInLinger}, a batch's worth has queued, or
     * the batcher stops. Only called when other sign-ins were already waiting as the first writer
     * took it: under load; a lone sign-in is written at once.
     */
    private void linger(Pending first) {
        long until = first.queuedAt() + lingerNanos;
        long left;
        while (running && queue.size() < maxBatch - 1 && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * A helper writer's next sign-in: the oldest queued once it has waited the linger and
     * {@code helperDelay} (the first writer is busy with a slow batch), or any while stopping; null
     * when there is none. With the queue empty it parks until a sign-in is submitted or the batcher
     * stops (at most 100 ms, as the first writer's poll) rather than waking every {@code helperDelay}
     * for nothing.
     */
    private Pending takeAsHelper() {
        Pending head = queue.peek();
        if (head == null) {
            idleHelpers.incrementAndGet();
            try {
                // submit adds before it reads idleHelpers: either it sees this helper, or this check sees its sign-in
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(idleParkNanos);
                }
            } finally {
                idleHelpers.decrementAndGet();
            }
            return null;
        }
        // the delay counts from the end of the first writer's linger
        long left = lingerNanos + helperDelayNanos - (System.nanoTime() - head.queuedAt());
        if (left <= 0 || !running) {
            return queue.poll();
        }
        LockSupport.parkNanos(Math.min(left, STOP_CHECK_NANOS));
        return null;
    }

    /** Runs {@code taken} in rounds of distinct terminals, in arrival order per terminal. */
    private void inRounds(List<Pending> taken) {
        List<Pending> remaining = taken;
        while (!remaining.isEmpty()) {
            List<Pending> round = new ArrayList<>(remaining.size());
            List<Pending> later = new ArrayList<>();
            Set<String> terminals = new HashSet<>();
            for (Pending p : remaining) {
                (terminals.add(p.attempt().terminalId()) ? round : later).add(p);
            }
            run(round);
            remaining = later;
        }
    }

    private void run(List<Pending> round) {
        batchSizes.record(round.size());
        List<SignInOutcome> outcomes;
        long start = System.nanoTime();
        try {
            outcomes = signIn.signIn(round.stream().map(Pending::attempt).toList());
            batchTimes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            if (round.size() == 1) {
                round.getFirst().outcome().completeExceptionally(e);
            } else {
                round.forEach(p -> run(List.of(p)));
            }
            return;
        }
        for (int i = 0; i < round.size(); i++) {
            round.get(i).outcome().complete(outcomes.get(i));
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            boolean helper = i > 0 && helperDelayNanos > 0;
            threads.add(Thread.ofPlatform().name("sign-in-writer-" + i).daemon().unstarted(() -> write(helper)));
        }
        // known before any can park, so that every submit finds the helpers it has to wake
        helpers = helperDelayNanos > 0 ? List.copyOf(threads.subList(1, threads.size())) : List.of();
        threads.forEach(Thread::start);
    }

    /** Stops taking requests and writes what is queued. */
    @Override
    public void stop() {
        running = false;
        helpers.forEach(LockSupport::unpark);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        helpers = List.of();
    }

    /** How many helper writers are parked because the queue was empty (for tests). */
    int idleHelpers() {
        return idleHelpers.get();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, so no request finds it stopped. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
