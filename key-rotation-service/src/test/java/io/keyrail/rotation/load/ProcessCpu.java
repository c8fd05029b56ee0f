package io.keyrail.rotation.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time of named processes from Linux's {@code /proc/<pid>/stat}, to say which process took
 * the machine's CPU during a measured window: each process's time (all its threads) with that of
 * its descendants (PostgreSQL's server process forks a backend per connection). Each process also
 * counts the time of its children that have ended and been waited for ({@code cutime},
 * {@code cstime}), so a backend that exits in the window is not lost: its time moves to the server
 * process that reaped it.
 */
record ProcessCpu(Map<String, Long> ticks) {

    /** {@code name=pid,name=pid,...} as the load script passes them. */
    static Map<String, Long> parse(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] nameAndPid = pair.split("=", 2);
            if (nameAndPid.length != 2) {
                throw new IllegalArgumentException("--processes wants name=pid pairs, not " + pair);
            }
            pids.put(nameAndPid[0], Long.parseLong(nameAndPid[1]));
        }
        return pids;
    }

    /** Now, per name: the ticks of the process and its descendants; empty where {@code /proc} cannot be read. */
    static Optional<ProcessCpu> now(Map<String, Long> pids) {
        try {
            Map<Long, long[]> all = new HashMap<>(); // pid -> {ppid, own ticks, waited-for children's ticks}
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    stat(p).ifPresent(s -> all.put(Long.parseLong(p.getFileName().toString()), s));
                }
            }
            Map<Long, List<Long>> children = new HashMap<>();
            all.forEach((pid, s) -> children.computeIfAbsent(s[0], k -> new ArrayList<>()).add(pid));
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> {
                if (all.containsKey(pid)) {
                    ticks.put(name, total(pid, all, children));
                }
            });
            return Optional.of(new ProcessCpu(ticks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The ticks of {@code pid}, of its children it has waited for, and of its live descendants. */
    private static long total(long pid, Map<Long, long[]> all, Map<Long, List<Long>> children) {
        long[] s = all.get(pid);
        long sum = s[1] + s[2];
        for (long child : children.getOrDefault(pid, List.of())) {
            sum += total(child, all, children);
        }
        return sum;
    }

    /** {ppid, utime + stime, cutime + cstime} of one process, or empty when it has gone. */
    private static Optional<long[]> stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
            return Optional.of(new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From {@code earlier} to this, per name, as percent of one core over {@code seconds}. */
    String since(ProcessCpu earlier, double seconds) {
        StringBuilder out = new StringBuilder();
        ticks.forEach((name, now) -> {
            Long before = earlier.ticks().get(name);
            if (before != null) {
                out.append(String.format(Locale.ROOT, "  %s %.1f", name, MachineCpu.percent(now - before, seconds)));
            }
        });
        return out.toString().trim();
    }
}
