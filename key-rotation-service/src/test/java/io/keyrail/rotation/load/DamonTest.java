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

    @Test
    void readsEachKdamondsStateOperationsAndSamplingInterval() throws IOException {
        kdamond("0", "on", "paddr", 500_000);
        kdamond("1", "off", "vaddr", 5_000);
        Files.writeString(admin.resolve("nr_kdamonds"), "2\n");

        Damon damon = Damon.read(admin).orElseThrow();

        assertThat(damon.kdamonds()).containsExactly(new Damon.Kdamond("0", "on", "paddr", 500_000),
                new Damon.Kdamond("1", "off", "vaddr", 5_000));
        assertThat(damon.running()).isTrue();
        assertThat(damon.summary())
                .isEqualTo("kdamond 0 on (paddr, sampling every 500 ms), kdamond 1 off (vaddr, sampling every 5 ms)");
    }

    @Test
    void saysWhenNoneRunsAndWhenTheKernelHasNone(@TempDir Path bare) throws IOException {
        kdamond("0", "off", "paddr", 500_000);
        assertThat(Damon.read(admin).orElseThrow().running()).isFalse();

        assertThat(Damon.read(bare).orElseThrow().summary()).isEqualTo("no kdamond");
        assertThat(Damon.read(bare.resolve("no-damon-here"))).isEmpty();
    }

    private void kdamond(String name, String state, String operations, long sampleMicros) throws IOException {
        Path dir = Files.createDirectories(admin.resolve(name));
        Path intervals = Files.createDirectories(dir.resolve("contexts/0/monitoring_attrs/intervals"));
        Files.writeString(dir.resolve("state"), state + "\n");
        Files.writeString(dir.resolve("contexts/0/operations"), operations + "\n");
        Files.writeString(intervals.resolve("sample_us"), sampleMicros + "\n");
    }
}
