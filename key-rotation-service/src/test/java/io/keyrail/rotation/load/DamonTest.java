package io.keyrail.rotation.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load driver's reading of the kernel's DAMON sysfs interface. */
class DamonTest {

    @TempDir
    Path admin;

    @TempDir
    Path proc;

    @Test
    void readsEachKdamondsStateOperationsAndSamplingInterval() throws IOException {
        kdamond("0", "on", "paddr", 500_000);
        kdamond("1", "off", "vaddr", 5_000);
        Files.writeString(admin.resolve("nr_kdamonds"), "2\n");
        schedstat(83, 3_970_203_613L);

        Damon damon = Damon.read(admin, proc).orElseThrow();

        assertThat(damon.kdamonds()).containsExactly(new Damon.Kdamond("0", "on", "paddr", 500_000, 83, 3_970_203_613L),
                new Damon.Kdamond("1", "off", "vaddr", 5_000, -1, -1));
        assertThat(damon.running()).isTrue();
        assertThat(damon.summary())
                .isEqualTo("kdamond 0 on (paddr, sampling every 500 ms), kdamond 1 off (vaddr, sampling every 5 ms)");
    }

    @Test
    void saysHowLongARunningKdamondsThreadRanInAWindowInAllAndPerSample() throws IOException {
        Damon begin = runningKdamondAfter(1_000_000_000L);
        schedstat(83, 3_460_000_000L); // 2,460 ms more over 60 s: 120 samples of 20.5 ms

        assertThat(Damon.read(admin, proc).orElseThrow().since(begin, 60))
                .isEqualTo("kdamond 0 on (paddr, sampling every 500 ms; its thread ran 2460 ms, 20.5 ms a sample)");
    }

    @Test
    void givesBothEndsWhenTheMonitorChangedInTheWindowAndNoTimeWhereItCannotBeRead() throws IOException {
        Damon begin = runningKdamondAfter(1_000_000_000L);
        Files.writeString(admin.resolve("0/state"), "off\n");

        assertThat(Damon.read(admin, proc).orElseThrow().since(begin, 60)).isEqualTo(
                "kdamond 0 on (paddr, sampling every 500 ms) as it began, kdamond 0 off (paddr, sampling every 500 ms) as it ended");

        Files.writeString(admin.resolve("0/state"), "on\n");
        Files.delete(proc.resolve("83/schedstat"));
        Damon unreadable = Damon.read(admin, proc).orElseThrow();
        assertThat(unreadable.kdamonds().getFirst().runNanos()).isEqualTo(-1);
        assertThat(unreadable.since(unreadable, 60)).isEqualTo("kdamond 0 on (paddr, sampling every 500 ms)");
    }

    @Test
    void saysWhenNoneRunsAndWhenTheKernelHasNone(@TempDir Path bare) throws IOException {
        kdamond("0", "off", "paddr", 500_000);
        assertThat(Damon.read(admin, proc).orElseThrow().running()).isFalse();

        assertThat(Damon.read(bare, proc).orElseThrow().summary()).isEqualTo("no kdamond");
        assertThat(Damon.read(bare.resolve("no-damon-here"), proc)).isEmpty();
    }

    private void kdamond(String name, String state, String operations, long sampleMicros) throws IOException {
        Path dir = Files.createDirectories(admin.resolve(name));
        Path intervals = Files.createDirectories(dir.resolve("contexts/0/monitoring_attrs/intervals"));
        Files.writeString(dir.resolve("state"), state + "\n");
        Files.writeString(dir.resolve("contexts/0/operations"), operations + "\n");
        Files.writeString(intervals.resolve("sample_us"), sampleMicros + "\n");
        Files.writeString(dir.resolve("pid"), (state.equals("on") ? "83" : "-1") + "\n");
    }

    /** Kdamond 0 running over physical memory, sampling every 500 ms, its thread {@code runNanos} on a core so far. */
    private Damon runningKdamondAfter(long runNanos) throws IOException {
        kdamond("0", "on", "paddr", 500_000);
        schedstat(83, runNanos);
        return Damon.read(admin, proc).orElseThrow();
    }

    /** A thread's {@code schedstat}: time on a core, time waiting for one (ns), and slices. */
    private void schedstat(long pid, long runNanos) throws IOException {
        Files.writeString(Files.createDirectories(proc.resolve(String.valueOf(pid))).resolve("schedstat"),
                runNanos + " 90890377 2588\n");
    }
}
