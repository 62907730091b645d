package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlkioStatParserTest {

    @Test
    void readsPerDeviceOperationsAndDropsTheGrandTotal() {
        Map<String, Map<String, Long>> devices = BlkioStatParser.parseStat(Fixtures.text("kernel-docs/v1/blkio.throttle.io_service_bytes"));

        assertThat(devices.keySet()).containsExactly("8:16", "8:0");
        assertThat(devices.get("8:0")).containsEntry("Read", 90_430_464L).containsEntry("Write", 299_008_000L)
                .containsEntry("Discard", 50_331_648L).containsEntry("Total", 439_770_112L);
        assertThat(devices.get("8:16").keySet()).containsExactly("Read", "Write", "Sync", "Async", "Discard", "Total");
    }

    @Test
    void aGroupWithoutIoHasOnlyTheTotalLineAndSoNoDevices() {
        assertThat(BlkioStatParser.parseStat(Fixtures.text("hybrid-host/blkio/blkio.throttle.io_service_bytes_recursive"))).isEmpty();
    }

    @Test
    void readsThrottleLimitFiles() {
        Map<String, Long> limits = BlkioStatParser.parseLimits("8:0 1048576\n8:16 2097152\n");

        assertThat(limits).containsExactly(Map.entry("8:0", 1_048_576L), Map.entry("8:16", 2_097_152L));
    }

    @Test
    void skipsLimitLinesItCannotRead() {
        assertThat(BlkioStatParser.parseLimits("")).isEmpty();
        assertThat(BlkioStatParser.parseLimits("8:0 lots\n8:16\n8:32 5\n")).containsOnlyKeys("8:32");
    }
}
