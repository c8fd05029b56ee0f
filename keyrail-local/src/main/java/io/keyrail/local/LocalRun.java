package io.keyrail.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded run: a KRaft broker, PostgreSQL with one database per service, and each service whose
 * jar is built, as child processes. {@link #close()} stops them in reverse order (services, broker,
 * PostgreSQL); it is safe to call at any point of {@link #start()}, from a shutdown hook.
 */
final class LocalRun implements AutoCloseable {

    /**
     * What to start; {@code services} null means every service whose jar exists. {@code serviceJavaOptions}
     * go to every service's JVM ({@code KEYRAIL_SERVICE_JAVA_OPTS} for {@code keyrail local}).
     */
    record Options(Path repository, StateDirectory state, List<String> services, boolean noServices,
                   int kafkaPort, int postgresPort, Duration readyTimeout, List<LocalService> catalog,
                   List<String> serviceJavaOptions) {

        Options {
            services = services == null ? null : List.copyOf(services);
            catalog = List.copyOf(catalog);
            serviceJavaOptions = serviceJavaOptions == null ? List.of() : List.copyOf(serviceJavaOptions);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final List<ServiceProcess> services = new ArrayList<>();
    private AutoCloseable lock;
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private boolean closing;

    LocalRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and returns when every started service is ready; fails (having stopped all) otherwise. */
    void start() {
        try {
            startInfrastructure();
            if (options.noServices()) {
                printIdeSettings();
                return;
            }
            List<LocalService> selected = selectServices();
            startServices(selected);
            awaitServices();
            out.println(services.isEmpty()
                    ? "Keyrail is ready (infrastructure only: no service jar is built in " + options.repository() + ")"
                    : "Keyrail is ready");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private synchronized void startInfrastructure() {
        StateDirectory state = options.state();
        state.prepare();
        lock = state.lock();
        LeftoverProcesses.stop(state, out);
        checkNotClosing();
        kafka = LocalKafka.start(state.kafkaData(), options.kafkaPort());
        state.writeKafkaBootstrap(kafka.bootstrapServers());
        out.println("Kafka (KRaft) on " + kafka.bootstrapServers());
        checkNotClosing();
        postgres = LocalPostgres.start(state.postgresData(), state.log("postgresql"), options.postgresPort());
        List<String> databases = options.catalog().stream().map(LocalService::database).toList();
        postgres.createDatabases(databases);
        out.println("PostgreSQL on localhost:" + postgres.port() + " (user " + LocalPostgres.USER + ", password "
                + LocalPostgres.PASSWORD + "), databases " + String.join(", ", databases));
        for (LocalService s : options.catalog()) {
            ServiceEnvironment.write(state.serviceEnvironment(s.name()), environment(s));
        }
    }

    private List<LocalService> selectServices() {
        List<LocalService> selected = new ArrayList<>();
        if (options.services() != null) {
            for (String name : options.services()) {
                LocalService s = options.catalog().stream()
                        .filter(c -> c.name().equals(name) || c.module().equals(name)).findFirst()
                        .orElseThrow(() -> new CommandFailure("unknown service " + name + ": one of "
                                + options.catalog().stream().map(LocalService::name).collect(Collectors.joining(", "))));
                if (!Files.isRegularFile(s.jar(options.repository()))) {
                    throw new CommandFailure("no jar for " + s.name() + " (" + options.repository().relativize(
                            s.jar(options.repository())) + "): build it with ./mvnw -DskipTests package -pl "
                            + s.module() + " -am");
                }
                selected.add(s);
            }
            return selected;
        }
        for (LocalService s : options.catalog()) {
            if (Files.isRegularFile(s.jar(options.repository()))) {
                selected.add(s);
            } else {
                out.println("not started: " + s.name() + (Files.isDirectory(options.repository().resolve(s.module()))
                        ? " (its jar is not built: ./mvnw -DskipTests package -pl " + s.module() + " -am)"
                        : " (not in this checkout yet)"));
            }
        }
        return selected;
    }

    private synchronized void startServices(List<LocalService> selected) {
        for (LocalService s : selected) {
            if (!Ports.isFree(s.port())) {
                throw new CommandFailure("port " + s.port() + " for " + s.name() + " is in use by another program");
            }
            if (s.pospPort() > 0 && !Ports.isFree(s.pospPort())) {
                throw new CommandFailure("port " + s.pospPort() + " for the POSP listener of " + s.name()
                        + " is in use by another program");
            }
        }
        for (LocalService s : selected) {
            checkNotClosing();
            Path log = options.state().log(s.name());
            services.add(ServiceProcess.start(s, s.jar(options.repository()), options.serviceJavaOptions(),
                    environment(s), log, options.state().root()));
            out.println("starting " + s.name() + " (log " + log + ")");
        }
        LeftoverProcesses.record(options.state().pids(), services);
    }

    private void awaitServices() {
        for (ServiceProcess p : List.copyOf(services)) {
            ServiceProcess.Readiness readiness = p.awaitReady(options.readyTimeout());
            synchronized (this) {
                checkNotClosing();
            }
            switch (readiness) {
                case ServiceProcess.Readiness.Ready ready -> out.println("ready: " + p.service().name() + " "
                        + p.service().url() + " (Swagger UI /swagger-ui.html)" + (p.service().pospPort() > 0
                                ? "; POSP sign-in listener " + p.service().pospUrl() : ""));
                case ServiceProcess.Readiness.Exited exited -> throw new CommandFailure(p.service().name()
                        + " exited with code " + exited.exitCode() + " while starting; the end of " + p.log()
                        + ":" + System.lineSeparator() + p.logTail(30));
                case ServiceProcess.Readiness.TimedOut timedOut -> throw new CommandFailure(p.service().name()
                        + " was not ready after " + timedOut.after().toSeconds() + " s; see " + p.log());
            }
        }
        for (ServiceProcess p : services) {
            p.process().onExit().thenAccept(exited -> {
                synchronized (this) {
                    if (!closing) {
                        out.println(p.service().name() + " stopped by itself (exit " + exited.exitValue() + "); see "
                                + p.log());
                    }
                }
            });
        }
    }

    private void printIdeSettings() {
        out.println("Infrastructure only (--no-services). To run a service from an IDE, give it the environment"
                + " in its env file (owner-only: it holds the local LMK password):");
        for (LocalService s : options.catalog()) {
            out.println("  " + s.name() + ": " + options.state().serviceEnvironment(s.name()));
            out.println("    " + environment(s).entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getKey().equals(ServiceEnvironment.LMK_PASSWORD)
                            ? "<in the env file>" : e.getValue()))
                    .collect(Collectors.joining(" ")));
        }
        out.println("Keyrail infrastructure is ready");
    }

    Map<String, String> environment(LocalService service) {
        return ServiceEnvironment.of(service, options.state(), kafka.bootstrapServers(),
                postgres.jdbcUrl(service.database()));
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    private void checkNotClosing() {
        if (closing) {
            throw new CommandFailure("stopped while starting");
        }
    }

    /** Stops the services (in parallel, 30 s grace each), then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        services.forEach(ServiceProcess::requestStop);
        services.forEach(p -> p.awaitStop(Duration.ofSeconds(30)));
        quietly(() -> Files.deleteIfExists(options.state().pids()));
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
        if (lock != null) {
            quietly(lock::close);
        }
    }

    private void quietly(ThrowingRunnable step) {
        try {
            step.run();
        } catch (Exception e) {
            out.println("warning: while stopping: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
