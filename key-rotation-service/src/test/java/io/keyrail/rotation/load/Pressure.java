package io.keyrail.rotation.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux's pressure stall information ({@code /proc/pressure/cpu} and {@code /proc/pressure/io}):
 * the time, in microseconds since boot, during which at least one runnable task waited for a core
 * ({@code cpu some}), at least one task waited for the disk ({@code io some}), and every task that
 * had work waited for the disk at once ({@code io full}). Over a measured window it says how much of
 * the time work queued for the two cores or for the disk: where a sign-in's tail comes from when
 * the machine is not fully busy.
 */
record Pressure(long cpuSome, long ioSome, long ioFull) {

    private static final Path CPU = Path.of("/proc/pressure/cpu");
    private static final Path IO = Path.of("/proc/pressure/io");

    /** Now, or empty where the kernel has no pressure files. */
    static Optional<Pressure> now() {
        try {
            String cpu = Files.readString(CPU);
            String io = Files.readString(IO);
            return Optional.of(new Pressure(total(cpu, "some"), total(io, "some"), total(io, "full")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code total=} of the {@code some} or {@code full} line of a pressure file. */
    static long total(String file, String line) {
        return file.lines().filter(l -> l.startsWith(line + " ")).findFirst()
                .map(l -> Long.parseLong(l.substring(l.indexOf("total=") + "total=".length()).trim()))
                .orElseThrow(() -> new IllegalArgumentException("no '" + line + "' line in a pressure file"));
    }

    /** From {@code earlier} to this, each as percent of {@code seconds} of wall time. */
    String since(Pressure earlier, double seconds) {
        double micros = seconds * 1_000_000;
        return String.format(Locale.ROOT, "cpu some %.1f  io some %.1f  io full %.1f",
                (cpuSome - earlier.cpuSome) / micros * 100, (ioSome - earlier.ioSome) / micros * 100,
                (ioFull - earlier.ioFull) / micros * 100);
    }
}
