package io.keyrail.rotation.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the driver reads at one edge of the measured window: the machine's CPU, the named
 * processes' CPU, the pressure stall totals, the kernel's memory monitor, and the service's sign-in
 * and batch timers. Each is empty where it cannot be read; {@link #report} prints what both edges
 * have.
 *
 * <p>Reading the service's metrics costs the service a scrape, so it is read before the CPU figures
 * as the window begins ({@link #atStart}) and after them as it ends ({@link #atEnd}): the scrape
 * stays outside the CPU the window counts.
 */
record WindowSample(Optional<MachineCpu> machine, Optional<ProcessCpu> processes, Optional<Pressure> pressure,
                    Optional<Damon> damon, ServiceHistogram signIns, ServiceHistogram batches) {

    static final String SIGN_IN_TIMER = "keyrail_sign_in_duration_seconds";
    static final String BATCH_TIMER = "keyrail_sign_in_batch_duration_seconds";

    /** As the window begins: the service's metrics ({@code metrics}, for sign-ins of {@code mode}), then the CPU figures. */
    static WindowSample atStart(Map<String, Long> pids, Supplier<String> metrics, String mode) {
        String exposition = metrics.get();
        return new WindowSample(MachineCpu.now(), ProcessCpu.now(pids), Pressure.now(), Damon.now(),
                signIns(exposition, mode), ServiceHistogram.parse(exposition, BATCH_TIMER));
    }

    /** As the window ends: the CPU figures, then the service's metrics. */
    static WindowSample atEnd(Map<String, Long> pids, Supplier<String> metrics, String mode) {
        Optional<MachineCpu> machine = MachineCpu.now();
        Optional<ProcessCpu> processes = ProcessCpu.now(pids);
        Optional<Pressure> pressure = Pressure.now();
        Optional<Damon> damon = Damon.now();
        String exposition = metrics.get();
        return new WindowSample(machine, processes, pressure, damon, signIns(exposition, mode),
                ServiceHistogram.parse(exposition, BATCH_TIMER));
    }

    private static ServiceHistogram signIns(String exposition, String mode) {
        return ServiceHistogram.parse(exposition, SIGN_IN_TIMER, "mode=\"" + mode + "\"");
    }

    /** The lines the driver prints for the window from {@code start} to this, {@code seconds} long. */
    List<String> report(WindowSample start, double seconds) {
        List<String> lines = new ArrayList<>();
        machine.flatMap(end -> start.machine.map(begin -> end.since(begin, seconds))).ifPresent(m -> lines.add(
                String.format(Locale.ROOT, "machine during the measured time, %% of one core (%d cores, /proc/stat): %s",
                        Runtime.getRuntime().availableProcessors(), m)));
        processes.flatMap(end -> start.processes.map(begin -> end.since(begin, seconds))).ifPresent(p -> lines.add(
                "processes during the measured time, % of one core (/proc/<pid>/stat): " + p));
        pressure.flatMap(end -> start.pressure.map(begin -> end.since(begin, seconds))).ifPresent(p -> lines.add(
                "pressure during the measured time, % of the time (/proc/pressure): " + p));
        damon.flatMap(end -> start.damon.map(begin -> end.since(begin, seconds))).ifPresent(d -> lines.add(
                "kernel memory monitor (DAMON) during the measured time: " + d));
        // The service's own timers: from the request's arrival to its batch's commit, and each batch's transaction.
        lines.add("service during the measured time, sign-in (queue, batch, commit): " + signIns.minus(start.signIns).summary());
        lines.add("service during the measured time, batch transactions: " + batches.minus(start.batches).summary());
        return lines;
    }
}
