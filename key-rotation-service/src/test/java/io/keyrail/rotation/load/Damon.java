package io.keyrail.rotation.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The kernel's data access monitor (DAMON): the monitoring threads ({@code kdamond}s) configured
 * under {@code /sys/kernel/mm/damon/admin/kdamonds}, whether each runs, what it monitors, how
 * often it samples and, for a running one, the CPU time its thread has taken
 * ({@code /proc/<pid>/schedstat}, in nanoseconds: a sample takes a few milliseconds, too little for
 * the 10 ms ticks of {@code /proc/<pid>/stat} that {@link ProcessCpu} reads). This project's
 * machines run one over physical memory for proactive reclaim, sampling every 500 ms. What a sample
 * costs differs from host to host: on some each sample stalled every process on the two cores and was
 * the largest single cause of the sign-in tail, on others it hardly showed (docs/performance.md,
 * sessions 11 to 13). The driver prints it with its figures, so that each run says which kind of
 * host it measured.
 */
record Damon(List<Kdamond> kdamonds) {

    static final Path ADMIN = Path.of("/sys/kernel/mm/damon/admin/kdamonds");
    static final Path PROC = Path.of("/proc");

    /**
     * One monitoring thread: its directory name, state ({@code on} or {@code off}), operations set,
     * sampling interval, and its thread's id and time on a core so far ({@code pid} and
     * {@code runNanos} -1 when it does not run or the time cannot be read).
     */
    record Kdamond(String name, String state, String operations, long sampleMicros, long pid, long runNanos) {

        /** The thread as configured: the same, its time on a core left out. */
        Kdamond configuration() {
            return new Kdamond(name, state, operations, sampleMicros, pid, -1);
        }

        /** "kdamond 0 on (paddr, sampling every 500 ms)", with {@code more} inside the parentheses. */
        String describe(String more) {
            return "kdamond " + name + " " + state + " (" + operations + ", sampling every " + sampleMicros / 1000 + " ms"
                    + more + ")";
        }

        /**
         * Its time on a core since {@code earlier}, {@code seconds} ago, in all and per sample: what one
         * sample costs depends on how much mapped memory it finds (about 1.5 ms on the idle machine,
         * 18-26 ms under sign-in load; docs/performance.md, session 12).
         */
        String ranSince(Kdamond earlier, double seconds) {
            if (runNanos < 0 || earlier.runNanos < 0 || sampleMicros <= 0 || seconds <= 0) {
                return "";
            }
            double ms = (runNanos - earlier.runNanos) / 1e6;
            double samples = seconds * 1e6 / sampleMicros;
            return String.format(Locale.ROOT, "; its thread ran %.0f ms, %.1f ms a sample", ms, ms / samples);
        }
    }

    /** Now, or empty where the kernel has no DAMON sysfs interface (or it cannot be read). */
    static Optional<Damon> now() {
        return read(ADMIN, PROC);
    }

    /** The kdamonds configured under {@code admin}, their threads' times from {@code proc}; empty where it cannot be read. */
    static Optional<Damon> read(Path admin, Path proc) {
        if (!Files.isDirectory(admin)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(admin)) {
            List<Path> dirs = entries.filter(Files::isDirectory).sorted().toList();
            List<Kdamond> kdamonds = new ArrayList<>(dirs.size());
            for (Path dir : dirs) {
                Path context = dir.resolve("contexts/0");
                String operations = "-";
                long sampleMicros = 0;
                if (Files.exists(context)) {
                    operations = text(context.resolve("operations"));
                    sampleMicros = Long.parseLong(text(context.resolve("monitoring_attrs/intervals/sample_us")));
                }
                String state = text(dir.resolve("state"));
                long pid = state.equals("on") && Files.exists(dir.resolve("pid")) ? Long.parseLong(text(dir.resolve("pid"))) : -1;
                kdamonds.add(new Kdamond(dir.getFileName().toString(), state, operations, sampleMicros, pid,
                        runNanos(proc, pid)));
            }
            return Optional.of(new Damon(List.copyOf(kdamonds)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether any kdamond is running. */
    boolean running() {
        return kdamonds.stream().anyMatch(k -> k.state().equals("on"));
    }

    /** One line: each kdamond with its state, operations and sampling interval, or that there is none. */
    String summary() {
        if (kdamonds.isEmpty()) {
            return "no kdamond";
        }
        return kdamonds.stream().map(k -> k.describe("")).collect(Collectors.joining(", "));
    }

    /**
     * One line for the window from {@code begin} to this, {@code seconds} long: each kdamond as in
     * {@link #summary()} with the time its thread ran, or both ends' summaries where the monitors
     * changed meanwhile.
     */
    String since(Damon begin, double seconds) {
        if (!configurations().equals(begin.configurations())) {
            return begin.summary() + " as it began, " + summary() + " as it ended";
        }
        if (kdamonds.isEmpty()) {
            return summary();
        }
        return IntStream.range(0, kdamonds.size())
                .mapToObj(i -> kdamonds.get(i).describe(kdamonds.get(i).ranSince(begin.kdamonds.get(i), seconds)))
                .collect(Collectors.joining(", "));
    }

    private List<Kdamond> configurations() {
        return kdamonds.stream().map(Kdamond::configuration).toList();
    }

    /** The time on a core of thread {@code pid} so far (the first field of its {@code schedstat}), or -1. */
    private static long runNanos(Path proc, long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(text(proc.resolve(pid + "/schedstat")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
