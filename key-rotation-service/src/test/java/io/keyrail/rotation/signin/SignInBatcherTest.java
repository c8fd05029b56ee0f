package io.keyrail.rotation.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher's writers: the first takes sign-ins as they come (lingering under load); a helper takes
 * them only once the oldest has waited the helper delay, that is, when the first writer is held up.
 */
class SignInBatcherTest {

    /** Records which writer thread wrote each batch; a batch for {@code HELD000} waits until released. */
    private static final class RecordingSignIn extends SignIn {
        final List<String> writers = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release = new CountDownLatch(1);

        RecordingSignIn() {
            super(null, null, null, null, null, Optional.empty());
        }

        @Override
        public List<SignInOutcome> signIn(List<Attempt> attempts) {
            writers.add(Thread.currentThread().getName());
            sizes.add(attempts.size());
            if (attempts.stream().anyMatch(a -> a.terminalId().equals("HELD0000"))) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return attempts.stream().<SignInOutcome>map(a -> new SignInOutcome.TerminalUnknown()).toList();
        }
    }

    private final RecordingSignIn signIn = new RecordingSignIn();
    private SignInBatcher batcher;

    private SignInBatcher started(Duration helperDelay) {
        return started(helperDelay, Duration.ZERO);
    }

    private SignInBatcher started(Duration helperDelay, Duration linger) {
        batcher = new SignInBatcher(signIn, new RotationProperties(Duration.ofMinutes(30), 2, 64, helperDelay, linger),
                new SimpleMeterRegistry());
        batcher.start();
        return batcher;
    }

    /** With idle helpers parking for an hour, so that only a wake-up can get one going again. */
    private SignInBatcher startedWithLongIdleParks(Duration helperDelay) {
        batcher = new SignInBatcher(signIn, new RotationProperties(Duration.ofMinutes(30), 2, 64, helperDelay, Duration.ZERO),
                new SimpleMeterRegistry(), TimeUnit.HOURS.toNanos(1));
        batcher.start();
        return batcher;
    }

    @AfterEach
    void stop() {
        signIn.release.countDown();
        batcher.stop();
    }

    @Test
    void whileTheFirstWriterKeepsUpTheHelperTakesNothing() {
        SignInBatcher batcher = started(Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertThat(batcher.submit("T%07d".formatted(i), CupSignInMode.DOUBLE_LENGTH))
                    .succeedsWithin(Duration.ofSeconds(5));
        }
        assertThat(signIn.writers).hasSize(20).containsOnly("sign-in-writer-0");
    }

    @Test
    void aHelperTakesOverOnceTheOldestSignInHasWaitedTheDelay() {
        SignInBatcher batcher = started(Duration.ofMillis(50));
        CompletableFuture<SignInOutcome> held = batcher.submit("HELD0000", CupSignInMode.DOUBLE_LENGTH);
        await().atMost(Duration.ofSeconds(5)).until(() -> signIn.writers.size() == 1);
        long submitted = System.nanoTime();

        CompletableFuture<SignInOutcome> next = batcher.submit("T0000001", CupSignInMode.DOUBLE_LENGTH);

        assertThat(next).succeedsWithin(Duration.ofSeconds(5));
        assertThat(System.nanoTime() - submitted).as("not before the delay").isGreaterThanOrEqualTo(50_000_000L);
        assertThat(held).isNotDone();
        assertThat(signIn.writers).containsExactly("sign-in-writer-0", "sign-in-writer-1");
        signIn.release.countDown();
        assertThat(held).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aSubmittedSignInWakesAnIdleHelper() {
        SignInBatcher batcher = startedWithLongIdleParks(Duration.ofMillis(50));
        CompletableFuture<SignInOutcome> held = batcher.submit("HELD0000", CupSignInMode.DOUBLE_LENGTH);
        await().atMost(Duration.ofSeconds(5)).until(() -> signIn.writers.size() == 1);
        // the helper found the queue empty and parked (for an hour unless woken)
        await().atMost(Duration.ofSeconds(5)).until(() -> batcher.idleHelpers() == 1);

        CompletableFuture<SignInOutcome> next = batcher.submit("T0000001", CupSignInMode.DOUBLE_LENGTH);

        assertThat(next).succeedsWithin(Duration.ofSeconds(10));
        assertThat(held).isNotDone();
        assertThat(signIn.writers).containsExactly("sign-in-writer-0", "sign-in-writer-1");
    }

    @Test
    void aLoneSignInIsWrittenAtOnceWhateverTheLinger() {
        SignInBatcher batcher = started(Duration.ofSeconds(10), Duration.ofSeconds(10));

        assertThat(batcher.submit("T0000001", CupSignInMode.DOUBLE_LENGTH)).succeedsWithin(Duration.ofSeconds(5));
        assertThat(signIn.sizes).containsExactly(1);
    }

    @Test
    void underLoadTheFirstWriterLingersSoThatOneTransactionCarriesWhatArrivesMeanwhile() {
        SignInBatcher batcher = started(Duration.ofSeconds(10), Duration.ofMillis(400));
        CompletableFuture<SignInOutcome> held = batcher.submit("HELD0000", CupSignInMode.DOUBLE_LENGTH);
        await().atMost(Duration.ofSeconds(5)).until(() -> signIn.writers.size() == 1);
        List<CompletableFuture<SignInOutcome>> queued = new ArrayList<>(List.of(
                batcher.submit("T0000001", CupSignInMode.DOUBLE_LENGTH),
                batcher.submit("T0000002", CupSignInMode.DOUBLE_LENGTH)));

        signIn.release.countDown();
        assertThat(held).succeedsWithin(Duration.ofSeconds(5));
        // others were waiting as it took T0000001: nothing is written for a while
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> signIn.sizes.size() == 1);
        queued.add(batcher.submit("T0000003", CupSignInMode.DOUBLE_LENGTH));

        assertThat(queued).allSatisfy(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(5)));
        assertThat(signIn.sizes).containsExactly(1, 3);
        assertThat(signIn.writers).containsOnly("sign-in-writer-0");
    }

    @Test
    void stoppingWakesAnIdleHelper() {
        SignInBatcher batcher = startedWithLongIdleParks(Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(5)).until(() -> batcher.idleHelpers() == 1);
        Thread helper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sign-in-writer-1")).findFirst().orElseThrow();

        batcher.stop();

        assertThat(helper.isAlive()).as("the helper has ended").isFalse();
        assertThat(batcher.isRunning()).isFalse();
    }
}
