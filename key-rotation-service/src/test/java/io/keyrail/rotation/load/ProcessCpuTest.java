package io.keyrail.rotation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load driver's per-process CPU: what the load script passes, and what is read from /proc. */
class ProcessCpuTest {

    @Test
    void readsNamePidPairsInTheirOrder() {
        assertThat(ProcessCpu.parse("broker=12,registry=34,rotation=56"))
                .containsExactly(Map.entry("broker", 12L), Map.entry("registry", 34L), Map.entry("rotation", 56L));
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCpu.parse("broker12"))
                .withMessageContaining("name=pid");
    }

    @Test
    void countsTheTimeOfAProcessAndPrintsItByName() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc");
        Map<String, Long> self = Map.of("self", ProcessHandle.current().pid());
        ProcessCpu before = ProcessCpu.now(self).orElseThrow();
        long sum = 0;
        for (long i = 0; i < 300_000_000L; i++) { // about a tenth of a second of CPU, so that a tick passes
            sum += i ^ (sum >>> 3);
        }
        ProcessCpu after = ProcessCpu.now(self).orElseThrow();

        assertThat(sum).isNotZero();
        assertThat(after.ticks().get("self")).isGreaterThan(before.ticks().get("self"));
        assertThat(after.since(before, 1.0)).startsWith("self ");
    }
}
