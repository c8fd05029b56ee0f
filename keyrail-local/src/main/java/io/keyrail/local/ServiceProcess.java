package io.keyrail.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child process of the embedded run ({@code java -jar} with the same JDK),
 * its output appended to its log file. Ready when its readiness probe answers 200.
 */
final class ServiceProcess {

    /** Extra JVM options for every service, e.g. {@code -XX:+UseSerialGC}. */
    static final String JAVA_OPTS_VARIABLE = "KEYRAIL_SERVICE_JAVA_OPTS";

    /** How waiting for a service ended. */
    sealed interface Readiness {
        record Ready(Duration after) implements Readiness {
        }

        record Exited(int exitCode) implements Readiness {
        }

        record TimedOut(Duration after) implements Readiness {
        }
    }

    private final LocalService service;
    private final Process process;
    private final Path log;
    private final Instant started = Instant.now();

    private ServiceProcess(LocalService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code jar} with the extra JVM options of {@value #JAVA_OPTS_VARIABLE}. */
    static ServiceProcess start(LocalService service, Path jar, Map<String, String> environment, Path log,
                                Path workingDirectory) {
        return start(service, jar, javaOptionsFromEnvironment(), environment, log, workingDirectory);
    }

    /** Starts {@code jar} with {@code javaOptions} after -Xmx512m, its output appended to {@code log}. */
    static ServiceProcess start(LocalService service, Path jar, List<String> javaOptions,
                                Map<String, String> environment, Path log, Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(jar, javaOptions))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }

    /** The options in {@value #JAVA_OPTS_VARIABLE}, split at white space; none when it is unset. */
    static List<String> javaOptionsFromEnvironment() {
        String extra = System.getenv(JAVA_OPTS_VARIABLE);
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    /** {@code java} of the JDK running this command, -Xmx512m, {@code javaOptions}, {@code -jar jar}. */
    static List<String> javaCommand(Path jar, List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    LocalService service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /**
     * Polls {@code /actuator/health/readiness} (or {@code /actuator/health} where the service has no
     * readiness group) until it answers 200, the process exits, or {@code timeout} passes.
     */
    Readiness awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String path = "/actuator/health/readiness";
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return new Readiness.Exited(process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + service.port() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new Readiness.Ready(Duration.between(started, Instant.now()));
                }
                if (response.statusCode() == 404) {
                    path = "/actuator/health";
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Readiness.TimedOut(Duration.between(started, Instant.now()));
            }
            try {
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    return new Readiness.Exited(process.exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Readiness.TimedOut(Duration.between(started, Instant.now()));
            }
        }
        return new Readiness.TimedOut(timeout);
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown), without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the service to stop, then kills it. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the service's log, to show why it did not start. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
