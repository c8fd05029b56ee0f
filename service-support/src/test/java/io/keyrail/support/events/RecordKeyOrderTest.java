package io.keyrail.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions publishing events of one terminal: the second, committed while the first is
 * still sending, sends after it. Other terminals are not held up. The relay here is a listener in
 * the relay's place (order 0, after commit) that records the order of sends.
 */
class RecordKeyOrderTest {

    private AnnotationConfigApplicationContext context;
    private TransactionTemplate transactions;
    private ApplicationEventPublisher publisher;
    private RecordKeyOrder order;
    private SendingListener sends;

    @BeforeEach
    void start() {
        context = new AnnotationConfigApplicationContext(Config.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        publisher = context;
        order = context.getBean(RecordKeyOrder.class);
        sends = context.getBean(SendingListener.class);
    }

    @AfterEach
    void stop() {
        sends.release.countDown();
        context.close();
    }

    @Test
    void aLaterTransactionOfTheSameTerminalSendsAfterTheEarlierOneHasSent() throws Exception {
        assertSendsAfterFirst("second", () -> commit("T0000001", "second"));
    }

    @Test
    void anotherTerminalIsNotHeldUp() throws Exception {
        String other = otherStripeThan("T0000001");
        Thread first = Thread.ofPlatform().start(() -> commit("T0000001", "first"));
        assertThat(sends.firstSending.await(10, TimeUnit.SECONDS)).isTrue();

        commit(other, "other");

        assertThat(sends.sent).containsExactly("first:start", "other:start", "other:sent");
        sends.release.countDown();
        first.join(10_000);
    }

    @Test
    void aBatchWithAnEventOfTheSameTerminalSendsAfterTheEarlierTransactionHasSent() throws Exception {
        String other = otherStripeThan("T0000001");
        assertSendsAfterFirst("batch", () -> transactions.executeWithoutResult(status -> publisher.publishEvent(
                EventBatch.of(List.of(event(other, "batch"), event("T0000001", "batch"))))));
    }

    /**
     * Commits "first" on T0000001 and holds it while sending; then {@code later} (named {@code name}),
     * which publishes for T0000001 too, must wait for the stripe and send only after "first" has sent.
     */
    private void assertSendsAfterFirst(String name, Runnable later) throws Exception {
        Thread first = Thread.ofPlatform().start(() -> commit("T0000001", "first"));
        assertThat(sends.firstSending.await(10, TimeUnit.SECONDS)).isTrue();

        Thread second = Thread.ofPlatform().start(later);
        await().atMost(Duration.ofSeconds(10)).until(() -> order.hasWaiters("T0000001"));
        assertThat(sends.sent).containsExactly("first:start");

        sends.release.countDown();
        first.join(10_000);
        second.join(10_000);
        assertThat(sends.sent).containsExactly("first:start", "first:sent", name + ":start", name + ":sent");
    }

    @Test
    void eventsPublishedOutsideATransactionTakeNoStripe() {
        publisher.publishEvent(event("T0000001", "outside"));

        assertThat(order.hasWaiters("T0000001")).isFalse();
    }

    private void commit(String terminalId, String name) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event(terminalId, name)));
    }

    private static TerminalStatusChanged event(String terminalId, String name) {
        return new TerminalStatusChanged(UUID.randomUUID(), Instant.parse("2026-11-25T00:00:00Z"), terminalId,
                "123456789012345",
                TerminalStatus.REGISTERED, TerminalStatus.SUSPENDED, name);
    }

    private static String otherStripeThan(String terminalId) {
        for (int i = 2; ; i++) {
            String candidate = "T%07d".formatted(i);
            if (RecordKeyOrder.stripe(candidate) != RecordKeyOrder.stripe(terminalId)) {
                return candidate;
            }
        }
    }

    /** In the relay's place: records each send; the transaction named "first" waits for {@link #release}. */
    static class SendingListener {

        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch firstSending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @TransactionalEventListener
        @Order(0)
        public void send(TerminalStatusChanged event) throws InterruptedException {
            String name = event.reason();
            sent.add(name + ":start");
            if (name.equals("first")) {
                firstSending.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            }
            sent.add(name + ":sent");
        }

        @TransactionalEventListener
        @Order(0)
        public void send(EventBatch batch) {
            sent.add("batch:start");
            sent.add("batch:sent");
        }
    }

    @Configuration
    @EnableTransactionManagement
    static class Config {

        @Bean
        RecordKeyOrder recordKeyOrder() {
            return new RecordKeyOrder();
        }

        @Bean
        SendingListener sendingListener() {
            return new SendingListener();
        }

        @Bean
        PlatformTransactionManager transactionManager() {
            return new NoResourceTransactionManager();
        }
    }

    /** Transactions with synchronization and no resource: enough to drive commit callbacks. */
    static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
