package io.keyrail.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Processes a previous run left behind when it was killed without its shutdown hook (kill -9, a
 * closed laptop lid that never came back): its services and its PostgreSQL server. Stopped before a
 * new run starts, so their ports and data directory are free again. A process is only stopped when
 * its command line still matches what the run started (a reused pid is left alone).
 */
final class LeftoverProcesses {

    private LeftoverProcesses() {
    }

    /** Records the children of this run: one {@code pid name jar} line each. */
    static void record(Path pidsFile, List<ServiceProcess> services) {
        List<String> lines = new ArrayList<>();
        for (ServiceProcess s : services) {
            lines.add(s.pid() + " " + s.service().name() + " " + s.service().module() + ".jar");
        }
        try {
            Files.write(pidsFile, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stop(StateDirectory state, PrintStream out) {
        Path pids = state.pids();
        if (Files.isRegularFile(pids)) {
            try {
                for (String line : Files.readAllLines(pids)) {
                    String[] f = line.trim().split(" ");
                    if (f.length == 3) {
                        stopIfMatching(Long.parseLong(f[0]), f[2], f[1], out);
                    }
                }
                Files.delete(pids);
            } catch (IOException | NumberFormatException e) {
                out.println("warning: cannot read " + pids + " (" + e.getMessage() + ")");
            }
        }
        Path postmaster = state.postgresData().resolve("postmaster.pid");
        if (Files.isRegularFile(postmaster)) {
            try {
                List<String> lines = Files.readAllLines(postmaster);
                if (!lines.isEmpty()) {
                    stopIfMatching(Long.parseLong(lines.get(0).trim()), "postgres", "PostgreSQL", out);
                }
            } catch (IOException | NumberFormatException e) {
                // PostgreSQL itself tells a stale pid file from a live one on start
            }
        }
    }

    private static void stopIfMatching(long pid, String commandPart, String name, PrintStream out) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String commandLine = handle.get().info().commandLine().orElse(handle.get().info().command().orElse(""));
        if (!commandLine.contains(commandPart)) {
            return;
        }
        out.println("stopping " + name + " (pid " + pid + "), left running by an earlier ./keyrail local");
        handle.get().destroy();
        try {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }
}
