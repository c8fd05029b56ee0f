package io.keyrail.rotation.load;

import io.keyrail.events.Topics;
import io.keyrail.support.security.LocalTokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The sign-in load driver: drives HTTP sign-ins against a running key-rotation service on
 * loopback for a fixed time, and prints throughput and latency percentiles. Not a test and not
 * part of {@code verify}; it stops by itself (warm-up + duration, plus a hard deadline).
 *
 * <p>Two ways to drive: closed loop ({@code --concurrency N}: N callers, each sending its next
 * sign-in when the previous one answered) and open loop ({@code --rate R}: R sign-ins a second on
 * a fixed schedule whatever the answers; latency counts from the scheduled time, so a stalled
 * service cannot hide its queueing; one thread sends and reads everything, see {@link OpenLoopHttp}).
 * Terminals are taken round robin, so one terminal is rarely
 * signed in twice at once. {@code --seed} first publishes the registry's events for the terminals
 * (see {@link TerminalSeeding}) and waits until the service signs each one in.
 *
 * <p>Options: {@code --url} (default http://127.0.0.1:8082: the service, for its metrics),
 * {@code --sign-in-url} (default http://127.0.0.1:8092, the POSP listener; the service's own URL
 * drives the Spring MVC endpoint instead), {@code --env} (the {@code load.env}
 * of {@link LoadInfrastructure}), {@code --terminals} (2000), {@code --prefix} (L),
 * {@code --seed}, {@code --mode} (003), {@code --concurrency} (64) or {@code --rate},
 * {@code --warmup} (15 s), {@code --duration} (60 s), {@code --processes name=pid,...} (the
 * processes whose CPU, with their descendants', to print for the measured time, beside the
 * driver's own; the load script passes PostgreSQL's server process, the broker's JVM and both
 * services).
 */
public final class SignInLoad {

    private static final long HISTOGRAM_MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    private SignInLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        URI base = URI.create(o.getOrDefault("url", "http://127.0.0.1:8082"));
        URI signInBase = URI.create(o.getOrDefault("sign-in-url", "http://127.0.0.1:8092"));
        requireLoopback(base);
        requireLoopback(signInBase);
        Map<String, String> env = readEnv(Path.of(o.getOrDefault("env", "target/load/load.env")));
        int terminals = Integer.parseInt(o.getOrDefault("terminals", "2000"));
        String prefix = o.getOrDefault("prefix", "L");
        String mode = o.getOrDefault("mode", "003");
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "15")));
        Duration duration = Duration.ofSeconds(Long.parseLong(o.getOrDefault("duration", "60")));
        watchdog(warmup.plus(duration).plusMinutes(5));

        List<String> ids = TerminalSeeding.terminalIds(prefix, terminals);
        String token = LocalTokenIssuer.inDirectory(Path.of(env.get("ISSUER_DIR")))
                .issue("load-posp", List.of("POSP"), Duration.ofHours(2));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SignInCall call = new SignInCall(http, new LoopbackHttp(signInBase), base, token, mode);

        if (o.containsKey("seed")) {
            TerminalSeeding.publish(env.get("KAFKA"), env.get("LMKS"), ids);
        }
        awaitSignInReady(call, ids, Duration.ofMinutes(3));

        long keysBefore = TerminalSeeding.endOffsets(env.get("KAFKA"), Topics.KEYS);
        Map<String, Long> processes = new LinkedHashMap<>(o.containsKey("processes") ? ProcessCpu.parse(o.get("processes"))
                : Map.of());
        processes.put("driver", ProcessHandle.current().pid());
        AtomicReference<WindowSample> windowStart = new AtomicReference<>();
        AtomicReference<WindowSample> windowEnd = new AtomicReference<>();
        ScheduledExecutorService samples = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        samples.schedule(() -> windowStart.set(WindowSample.atStart(processes, call::metrics, mode)),
                warmup.toMillis(), TimeUnit.MILLISECONDS);
        samples.schedule(() -> windowEnd.set(WindowSample.atEnd(processes, call::metrics, mode)),
                warmup.plus(duration).toMillis(), TimeUnit.MILLISECONDS);
        Result result = o.containsKey("rate")
                ? openLoop(call, signInBase, ids, Integer.parseInt(o.get("rate")), warmup, duration)
                : closedLoop(call, ids, Integer.parseInt(o.getOrDefault("concurrency", "64")), warmup, duration);
        // The last batches' events are still on their way to Kafka when the last answer arrives: count
        // once the outbox is empty (or after 30 s, and then say what is left).
        try {
            org.awaitility.Awaitility.await("outbox empty").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> call.outboxBacklog().equals("0.0"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.err.println("load driver: the outbox was not empty 30 s after the run");
        }
        long keysAfter = TerminalSeeding.endOffsets(env.get("KAFKA"), Topics.KEYS);
        String backlog = call.outboxBacklog();

        Histogram h = result.latencies();
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%nsign-in load: %s, mode %s, %s, %d terminals, %d s measured after %d s warm-up%n",
                signInBase, mode, result.driving(), terminals, duration.toSeconds(), warmup.toSeconds());
        System.out.printf(Locale.ROOT, "  sign-ins answered 200: %d (%.1f/s); other answers: %s; transport errors: %d%n",
                result.ok(), result.ok() / seconds, result.otherStatuses(), result.errors());
        System.out.printf(Locale.ROOT, "  latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(h, 50), ms(h, 90), ms(h, 95), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1e6);
        System.out.printf(Locale.ROOT, "  outside the measured time: answered 200: %d; other answers: %s; transport errors: %d%n",
                result.outside().ok.sum(), result.outside().others(), result.outside().errors.sum());
        System.out.printf(Locale.ROOT, "  KeyIssued records on %s during the run (warm-up included): %d; outbox backlog "
                + "when counted: %s%n", Topics.KEYS, keysAfter - keysBefore, backlog);
        if (windowStart.get() != null && windowEnd.get() != null) {
            windowEnd.get().report(windowStart.get(), seconds).forEach(line -> System.out.println("  " + line));
        }
        System.exit(0);
    }

    /** N callers, each sending the next sign-in when its previous one is answered. */
    static Result closedLoop(SignInCall call, List<String> ids, int concurrency, Duration warmup, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Recorder recorder = new Recorder(HISTOGRAM_MAX_NANOS, 3);
        Counts counts = new Counts();
        Counts outside = new Counts();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int first = c;
            callers.add(Thread.ofVirtual().start(() -> {
                int i = first;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    int status = call.signIn(ids.get(i % ids.size()));
                    long t1 = System.nanoTime();
                    i += concurrency;
                    if (t0 >= measureFrom && t1 <= end) {
                        recorder.recordValue(Math.min(t1 - t0, HISTOGRAM_MAX_NANOS));
                        counts.count(status);
                    } else {
                        outside.count(status);
                    }
                }
            }));
        }
        for (Thread t : callers) {
            t.join();
        }
        return new Result(concurrency + " concurrent callers (closed loop)", recorder.getIntervalHistogram(),
                counts.ok.sum(), counts.others(), counts.errors.sum(), outside);
    }

    /** {@code rate} sign-ins a second on a fixed schedule; latency from each scheduled time. */
    static Result openLoop(SignInCall call, URI signInBase, List<String> ids, int rate, Duration warmup,
                           Duration duration) throws IOException {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Histogram histogram = new Histogram(HISTOGRAM_MAX_NANOS, 3);
        Counts counts = new Counts();
        Counts outside = new Counts();
        Timeline timeline = new Timeline((int) duration.toSeconds() * 10 + 1, Instant.now().plus(warmup));
        byte[][] requests = new byte[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            requests[i] = OpenLoopHttp.post(signInBase, "/v1/terminals/" + ids.get(i) + "/sign-in", call.token(),
                    "{\"mode\":\"" + call.mode() + "\"}");
        }
        try (OpenLoopHttp http = new OpenLoopHttp(signInBase, 4096)) {
            http.run(start, period, end, TimeUnit.SECONDS.toNanos(30), n -> requests[(int) (n % requests.length)],
                    (status, scheduled, sent, done) -> {
                        if (scheduled >= measureFrom) {
                            histogram.recordValue(Math.min(done - scheduled, HISTOGRAM_MAX_NANOS));
                            counts.count(status);
                            timeline.record(scheduled - measureFrom, done - scheduled, sent - scheduled);
                        } else {
                            outside.count(status);
                        }
                    });
        }
        timeline.print();
        return new Result(rate + " sign-ins/s offered (open loop, latency from the scheduled time)",
                histogram, counts.ok.sum(), counts.others(), counts.errors.sum(), outside);
    }

    /** Signs every terminal in once (the service must know them all); also warms the service up. */
    static void awaitSignInReady(SignInCall call, List<String> ids, Duration timeout) {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(ids);
        org.awaitility.Awaitility.await("every terminal signs in once")
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (ExecutorService callers = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
                        for (String id : List.copyOf(pending)) {
                            callers.execute(() -> {
                                if (call.signIn(id) == 200) {
                                    pending.remove(id);
                                }
                            });
                        }
                    }
                    return pending.isEmpty();
                });
        System.out.println(ids.size() + " terminals sign in");
    }

    /** One sign-in over HTTP; the status, or -1 for a transport error. */
    record SignInCall(HttpClient http, LoopbackHttp calls, URI base, String token, String mode) {

        int signIn(String terminalId) {
            return calls.post("/v1/terminals/" + terminalId + "/sign-in", token, "{\"mode\":\"" + mode + "\"}");
        }

        String outboxBacklog() {
            return metrics().lines().filter(l -> l.startsWith("keyrail_outbox_backlog"))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("n/a");
        }

        /** The service's Prometheus exposition; empty when it cannot be read. */
        String metrics() {
            try {
                return http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    /**
     * The worst latency per 100 ms of schedule, to find stalls: printed to stderr (the driver's log)
     * as one line per 100 ms whose worst sign-in took over 25 ms.
     */
    private static final class Timeline {
        private final AtomicLongArray worst;
        private final AtomicLongArray worstSendLag;
        private final Instant from;

        Timeline(int slots, Instant from) {
            this.worst = new AtomicLongArray(slots);
            this.worstSendLag = new AtomicLongArray(slots);
            this.from = from;
        }

        /** A sign-in's latency from its scheduled time, and how late the driver sent it. */
        void record(long sinceMeasureNanos, long latencyNanos, long sendLagNanos) {
            int slot = (int) Math.min(worst.length() - 1, sinceMeasureNanos / 100_000_000L);
            worst.accumulateAndGet(slot, latencyNanos, Math::max);
            worstSendLag.accumulateAndGet(slot, sendLagNanos, Math::max);
        }

        void print() {
            for (int i = 0; i < worst.length(); i++) {
                if (worst.get(i) > 25_000_000L) {
                    System.err.printf(Locale.ROOT, "stall: %s (+%.1f s), worst %.1f ms, sent up to %.1f ms late%n",
                            from.plusMillis(i * 100L), i / 10.0, worst.get(i) / 1e6, worstSendLag.get(i) / 1e6);
                }
            }
        }
    }

    /** {@code outside}: the answers outside the measured time (the warm-up, and in a closed loop the calls it cuts). */
    record Result(String driving, Histogram latencies, long ok, Map<Integer, Long> otherStatuses, long errors,
                  Counts outside) {
    }

    private static final class Counts {
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<Integer, LongAdder> other = new ConcurrentHashMap<>();

        void count(int status) {
            if (status == 200) {
                ok.increment();
            } else if (status < 0) {
                errors.increment();
            } else {
                other.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }

        Map<Integer, Long> others() {
            Map<Integer, Long> out = new HashMap<>();
            other.forEach((s, n) -> out.put(s, n.sum()));
            return out;
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    static void requireLoopback(URI base) {
        String host = base.getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("the load driver only drives a service on loopback, not " + host);
        }
    }

    private static void watchdog(Duration limit) {
        Thread t = Thread.ofPlatform().daemon().unstarted(() -> {
            LockSupport.parkNanos(limit.toNanos());
            System.err.println("load driver: hard deadline of " + limit.toSeconds() + " s reached, stopping");
            System.exit(2);
        });
        t.start();
    }

    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    /** {@code --name value} and {@code --flag} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.put(name, args[++i]);
            } else {
                o.put(name, "true");
            }
        }
        return o;
    }
}
