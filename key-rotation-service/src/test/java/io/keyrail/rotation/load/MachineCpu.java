package io.keyrail.rotation.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole machine's CPU time from the first line of Linux's {@code /proc/stat}, to say what the
 * machine did during a measured window: how busy it was, and how much time the hypervisor gave to
 * other guests while this one wanted to run ({@code steal}). On this virtual machine steal varies
 * from run to run and moves latency figures more than most code changes do, so the driver prints it
 * beside them. Ticks are {@code USER_HZ} (100 a second on Linux).
 */
record MachineCpu(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100.0;

    /** Now, or empty where there is no readable {@code /proc/stat}. */
    static Optional<MachineCpu> now() {
        try {
            String[] f = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            return Optional.of(new MachineCpu(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From {@code earlier} to this, each as percent of one core over {@code seconds}. */
    String since(MachineCpu earlier, double seconds) {
        double busy = (user + nice + system + irq + softirq) - (earlier.user + earlier.nice + earlier.system
                + earlier.irq + earlier.softirq);
        return String.format(Locale.ROOT, "busy %.1f  idle %.1f  iowait %.1f  steal %.1f",
                percent(busy, seconds), percent(idle - earlier.idle, seconds),
                percent(iowait - earlier.iowait, seconds), percent(steal - earlier.steal, seconds));
    }

    /** {@code ticks} of CPU time as percent of one core over {@code seconds}. */
    static double percent(double ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds * 100;
    }
}
