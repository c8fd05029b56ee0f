package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.keyrail.events.Topics;
import io.keyrail.support.security.LocalTokenIssuer;
import io.keyrail.testing.CapturedLogs;
import io.keyrail.testing.EventCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The shipped terminal-registry and key-rotation jars ({@code <module>/target/<module>.jar}, which the
 * Maven reactor builds before keyrail-local) run by {@link LocalRun} as {@code ./keyrail local} runs
 * them: a KRaft broker in this JVM, an embedded PostgreSQL with a database per service, the run's LMK
 * and token issuer, each service a child JVM. Every port is a free one and the state lives in a fresh
 * directory, so a developer's own {@code ./keyrail local} may keep running. This JVM's logs are
 * captured at the launcher's levels, and a subscriber reads every Keyrail topic from its first record.
 * {@link #close()} stops whatever started.
 */
final class ShippedJarsRun implements AutoCloseable {

    /** As the launcher's default: a service's first start on a busy 2-core machine takes a minute or more. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * The services' JVMs run with C1 only and the serial collector, which on a 2-core machine roughly
     * halves their start-up; jars, settings and launcher are otherwise those of {@code ./keyrail local}.
     * {@code KEYRAIL_SERVICE_JAVA_OPTS} still applies, after these.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final LocalService registry = new LocalService("terminal-registry", "terminal-registry-service",
            Ports.free(), "terminal_registry");
    private final LocalService rotation = new LocalService("key-rotation", "key-rotation-service", Ports.free(),
            "key_rotation", Ports.free());
    private final ByteArrayOutputStream launcherOutput = new ByteArrayOutputStream();
    private final Map<String, Level> savedLevels = new LinkedHashMap<>();
    private StateDirectory state;
    private CapturedLogs jvmLogs;
    private LocalRun run;
    private EventCollector events;
    private LocalTokenIssuer issuer;

    private ShippedJarsRun() {
    }

    /** Starts the run for the repository around {@code module} (keyrail-local), state in its {@code target/}. */
    static ShippedJarsRun start(Path module) {
        ShippedJarsRun r = new ShippedJarsRun();
        try {
            r.startIn(module);
            return r;
        } catch (RuntimeException | Error e) {
            r.close();
            throw e;
        }
    }

    private void startIn(Path module) {
        Path repository = module.getParent();
        for (LocalService s : List.of(registry, rotation)) {
            assertThat(s.jar(repository)).as("the %s jar, which the Maven reactor builds before keyrail-local's "
                    + "integration tests: run ./mvnw verify -pl keyrail-local -am, or build it with ./mvnw "
                    + "-DskipTests package -pl %s -am", s.name(), s.module()).isRegularFile();
        }
        state = freshStateDirectory(module.resolve("target").resolve("end-to-end"));
        captureThisJvmsLogsAtTheLaunchersLevels();
        run = new LocalRun(new LocalRun.Options(repository, state, List.of(registry.name(), rotation.name()), false,
                0, 0, READY_TIMEOUT, List.of(registry, rotation),
                Stream.concat(QUICK_START.stream(), ServiceProcess.javaOptionsFromEnvironment().stream()).toList()),
                new PrintStream(new TeeOutputStream(launcherOutput, System.out), true, StandardCharsets.UTF_8));
        run.start();
        events = new EventCollector(run.kafkaBootstrapServers(), List.of(Topics.TERMINALS, Topics.KEYS,
                Topics.KEY_MATERIAL));
        issuer = LocalTokenIssuer.inDirectory(state.root());
    }

    LocalService registry() {
        return registry;
    }

    LocalService rotation() {
        return rotation;
    }

    EventCollector events() {
        return events;
    }

    /** A token from the run's own issuer, for {@code user} with {@code role}. */
    String token(String user, String role) {
        return issuer.issue(user, List.of(role), Duration.ofMinutes(30));
    }

    /** Each file in the run's {@code logs/} (one per service, PostgreSQL's) by name, with its lines. */
    Map<String, List<String>> logFiles() throws IOException {
        Map<String, List<String>> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(state.logs())) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    List<String> jvmLogLines() {
        return jvmLogs.lines();
    }

    List<String> launcherOutput() {
        return launcherOutput.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Stops the subscriber, the services (gracefully: their shutdown is logged too), the broker and PostgreSQL. */
    void stop() {
        try {
            if (events != null) {
                events.close();
            }
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (jvmLogs != null) {
                jvmLogs.close();
            }
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            savedLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        }
    }

    /** {@code root} emptied of an earlier run, having stopped what such a run may have left running. */
    private static StateDirectory freshStateDirectory(Path root) {
        LeftoverProcesses.stop(new StateDirectory(root), System.out);
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + root, e);
            }
        }
        return new StateDirectory(root);
    }

    /** The levels of {@code keyrail-local-logback.xml} (the broker at INFO), into a capture. */
    private void captureThisJvmsLogsAtTheLaunchersLevels() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, Level> levels = Map.of(Logger.ROOT_LOGGER_NAME, Level.INFO, "org.apache.kafka", Level.INFO,
                "kafka", Level.INFO, "state.change.logger", Level.WARN);
        levels.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        jvmLogs = CapturedLogs.attach();
    }

    /** The launcher's lines, kept for the leak search and shown in the test output ("... stopped by itself"). */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
