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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>One terminal is never twice in a batch (a later request for it goes in the next round, after
 * the earlier one committed). When a batch fails as a whole (a database error), each of its
 * requests is tried alone, so one bad request cannot fail the others.
 */
@Component
class SignInBatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInBatcher.class);

    private final SignIn signIn;
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;
    private final int writers;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** A sign-in submitted while the service stops: nothing was issued, and the caller may retry elsewhere. */
    static final class Stopping extends IllegalStateException {
        Stopping() {
            super("sign-in is not accepting requests (shutting down)");
        }
    }

    private record Pending(SignIn.Attempt attempt, CompletableFuture<SignInOutcome> outcome) {
    }

    SignInBatcher(SignIn signIn, RotationProperties properties, MeterRegistry meters) {
        this.signIn = signIn;
        this.batchSizes = DistributionSummary.builder("keyrail.sign_in.batch.size")
                .description("Sign-ins written in one transaction").register(meters);
        this.batchTimes = Timer.builder("keyrail.sign_in.batch.duration")
                .description("Time to sign in one batch: HSM, statements, commit and handing its events to Kafka")
                .publishPercentileHistogram()
                .register(meters);
        this.writers = properties.signInWriters();
        this.maxBatch = properties.signInBatch();
    }

    /** Queues a sign-in; the outcome completes when its batch has committed (or failed). */
    CompletableFuture<SignInOutcome> submit(String terminalId, CupSignInMode mode) {
        CompletableFuture<SignInOutcome> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new Stopping());
            return outcome;
        }
        queue.add(new Pending(new SignIn.Attempt(terminalId, mode), outcome));
        return outcome;
    }

    private void write() {
        List<Pending> taken = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
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
            threads.add(Thread.ofPlatform().name("sign-in-writer-" + i).daemon().start(this::write));
        }
    }

    /** Stops taking requests and writes what is queued. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
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
