package io.keyrail.rotation.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernel's data access monitor (DAMON): the monitoring threads ({@code kdamond}s) configured
 * under {@code /sys/kernel/mm/damon/admin/kdamonds}, whether each runs, what it monitors and how
 * often it samples. This project's machines run one over physical memory for proactive reclaim,
 * sampling every 500 ms; on their paravirtualised guests each sample stalled every process on the
 * two cores, and it was the largest single cause of the sign-in tail (docs/performance.md, session
 * 11). The driver prints it with its figures, so that each run says which machine it measured.
 */
record Damon(List<Kdamond> kdamonds) {

    static final Path ADMIN = Path.of("/sys/kernel/mm/damon/admin/kdamonds");

    /** One monitoring thread: its directory name, state ({@code on} or {@code off}), operations set and sampling interval. */
    record Kdamond(String name, String state, String operations, long sampleMicros) {
    }

    /** Now, or empty where the kernel has no DAMON sysfs interface (or it cannot be read). */
    static Optional<Damon> now() {
        return read(ADMIN);
    }

    /** The kdamonds configured under {@code admin}; empty where it cannot be read. */
    static Optional<Damon> read(Path admin) {
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
                kdamonds.add(new Kdamond(dir.getFileName().toString(), text(dir.resolve("state")), operations,
                        sampleMicros));
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
        return kdamonds.stream()
                .map(k -> "kdamond " + k.name() + " " + k.state() + " (" + k.operations() + ", sampling every "
                        + k.sampleMicros() / 1000 + " ms)")
                .collect(Collectors.joining(", "));
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
