package io.keyrail.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyrail events}: look at Keyrail's topics as a subscriber does. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Keyrail's event topics.",
        subcommands = EventsCommand.Tail.class)
final class EventsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code keyrail events tail}: prints each record of a topic as one JSON line ({@link EventLine}),
     * read-committed, with a throw-away consumer group that commits nothing. Runs until Ctrl-C, or
     * until {@code --max} records or {@code --timeout}.
     */
    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"Prints the events of a topic as JSON lines, as a subscriber sees them.",
                    "Example: ./keyrail events tail --topic keyrail.keys.v1 --from-beginning"})
    static final class Tail implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", required = true, description = "e.g. keyrail.terminals.v1, keyrail.keys.v1.")
        String topic;

        @Option(names = "--from-beginning", description = "Start at the topic's first record (default: new records only).")
        boolean fromBeginning;

        @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers (default: the local run's, from .keyrail/local/kafka.properties).")
        String bootstrap;

        @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
        Integer max;

        @Option(names = "--timeout", paramLabel = "DURATION",
                description = "Stop after this long, ISO-8601 (e.g. PT30S); with --max, fewer records is a failure.")
        Duration timeout;

        @Option(names = "--state-dir", description = "The local run's state directory (default: .keyrail/local).")
        Path stateDir;

        @Override
        public Integer call() {
            if (max != null && max < 1) {
                throw new IllegalArgumentException("--max must be at least 1");
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("--timeout must be positive, e.g. PT30S");
            }
            String servers = bootstrap != null ? bootstrap : StateDirectory.of(stateDir).kafkaBootstrap()
                    .orElseThrow(() -> new CommandFailure("no Kafka address: start ./keyrail local first, or pass"
                            + " --bootstrap host:port"));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            checkReachable(servers, err);
            int seen = tail(servers, out);
            if (max != null && seen < max) {
                throw new CommandFailure("timed out after " + timeout + " with " + seen + " of " + max + " records");
            }
            return 0;
        }

        private void checkReachable(String servers, PrintWriter err) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
                if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                    err.println("keyrail: topic " + topic + " does not exist yet; waiting for its first event");
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new CommandFailure("no Kafka broker answers at " + servers + ": is ./keyrail local running?");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailure("interrupted");
            }
        }

        private int tail(String servers, PrintWriter out) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "keyrail-events-tail-" + UUID.randomUUID());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            // Looking must not create the topic: the publishing service creates it with its own settings.
            p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
            CountDownLatch finished = new CountDownLatch(1);
            int seen = 0;
            try (KafkaConsumer<String, byte[]> consumer =
                         new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                Thread stopper = new Thread(() -> {
                    consumer.wakeup();
                    awaitQuietly(finished);
                }, "keyrail-events-tail-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                try {
                    consumer.subscribe(List.of(topic));
                    while ((max == null || seen < max) && (deadline == null || Instant.now().isBefore(deadline))) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                            out.println(EventLine.of(r));
                            out.flush();
                            seen++;
                            if (max != null && seen >= max) {
                                break;
                            }
                        }
                    }
                } catch (WakeupException e) {
                    // Ctrl-C
                } finally {
                    removeQuietly(stopper);
                }
            } finally {
                finished.countDown();
            }
            return seen;
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void removeQuietly(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }
}
