package io.keyrail.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyrail local}: starts the embedded run in the foreground and keeps it until Ctrl-C or
 * SIGTERM, which stop the services, the broker and PostgreSQL cleanly. The broker's and this
 * command's own logs go to {@code logs/infrastructure.log}, each service's to {@code logs/<service>.log}.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Starts Keyrail on this machine: a Kafka broker (KRaft), PostgreSQL with a database per",
                "service, and each service whose jar is built (terminal-registry 8081, key-rotation 8082,",
                "mac-verify 8083, pin-translate 8084). Ctrl-C stops everything; data stays in the state directory."})
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--services", split = ",", paramLabel = "NAME",
            description = "Start only these services, e.g. terminal-registry,key-rotation (default: every built one).")
    List<String> services;

    @Option(names = "--no-services",
            description = "Infrastructure only; prints the settings for running the services from an IDE.")
    boolean noServices;

    @Option(names = "--state-dir", description = "Where the run keeps its keys, data and logs (default: .keyrail/local).")
    Path stateDir;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Kafka's port when free, else any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--postgres-port", defaultValue = "5433",
            description = "PostgreSQL's port when free, else any free port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--ready-timeout", defaultValue = "PT3M",
            description = "How long a service may take to become ready (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout;

    @Override
    public Integer call() throws InterruptedException {
        if (noServices && services != null) {
            throw new IllegalArgumentException("--services and --no-services exclude each other");
        }
        StateDirectory state = StateDirectory.of(stateDir);
        state.prepare();
        logTo(state.logs());
        PrintStream out = System.out;
        LocalRun run = new LocalRun(new LocalRun.Options(repository(), state, services, noServices, kafkaPort,
                postgresPort, readyTimeout, LocalService.ALL, ServiceProcess.javaOptionsFromEnvironment()), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("stopping Keyrail...");
            run.close();
            out.println("stopped");
            stopped.countDown();
        }, "keyrail-local-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Keyrail local run, state in " + state.root()
                + " (a development install: its LMK and token issuer key are files there)");
        try {
            run.start();
        } catch (RuntimeException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C during start: the hook is stopping what started
            }
            throw e;
        }
        out.println("Tokens: ./keyrail token --user alice --roles OPERATOR   Events: ./keyrail events tail --topic "
                + "keyrail.keys.v1   Stop: Ctrl-C");
        stopped.await();
        return 0;
    }

    /** The repository whose service jars to run: {@code $KEYRAIL_HOME} (set by ./keyrail), else the working directory. */
    static Path repository() {
        String home = System.getenv("KEYRAIL_HOME");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** Sends this JVM's logging (the broker, PostgreSQL's launcher) to {@code logs/infrastructure.log}. */
    private static void logTo(Path logs) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        context.putProperty("KEYRAIL_LOG_DIR", logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(LocalCommand.class.getResource("/keyrail-local-logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging", e);
        }
    }
}
