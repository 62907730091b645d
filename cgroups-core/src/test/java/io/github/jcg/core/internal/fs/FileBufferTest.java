package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.jcg.core.internal.fs.FileBuffer.ABSENT;
import static io.github.jcg.core.internal.fs.FileBuffer.MAX;
import static org.assertj.core.api.Assertions.assertThat;

class FileBufferTest {
    private final FileBuffer buffer = new FileBuffer();

    private FileBuffer with(String text) {
        buffer.set(text.getBytes(StandardCharsets.US_ASCII));
        return buffer;
    }

    private FileBuffer withFixture(String relative) {
        buffer.set(Fixtures.bytes(relative));
        return buffer;
    }

    private static byte[] key(String k) {
        return k.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keyedFindsTheNumberAfterAKeyAtALineStart() {
        withFixture("hybrid-host/unified/cpu.stat");

        assertThat(buffer.keyed(key("usage_usec"))).isEqualTo(195_614_651L);
        assertThat(buffer.keyed(key("system_usec"))).isEqualTo(26_133_162L);
        assertThat(buffer.keyed(key("nr_periods"))).isEqualTo(ABSENT);
    }

    @Test
    void keyedDoesNotTakeAKeyThatOnlyStartsOrEndsLikeIt() {
        withFixture("hybrid-host/memory/memory.stat");

        // inactive_file is also the tail of total_inactive_file, and a prefix of nothing else
        assertThat(buffer.keyed(key("inactive_file"))).isEqualTo(12_288L);
        assertThat(buffer.keyed(key("total_inactive_file"))).isEqualTo(93_069_312L);
        assertThat(with("total_swapcached 7\ntotal_swap 5\n").keyed(key("total_swap"))).isEqualTo(5L);
        assertThat(with("usage_usec_x 1\n").keyed(key("usage_usec"))).isEqualTo(ABSENT);
    }

    @Test
    void keyedReadsTheUnlimitedSentinelOfV1Memory() {
        withFixture("hybrid-host/memory/memory.stat");

        assertThat(buffer.keyed(key("hierarchical_memory_limit"))).isEqualTo(9_223_372_036_854_771_712L);
    }

    @Test
    void sumNestedAddsAKeyOverAllDevicesOfIoStat() {
        withFixture("kernel-docs/v2/io.stat");

        assertThat(buffer.sumNested(key("rbytes="))).isEqualTo(1_459_200L + 90_430_464L);
        assertThat(buffer.sumNested(key("wbytes="))).isEqualTo(314_773_504L + 299_008_000L);
        assertThat(buffer.sumNested(key("rios="))).isEqualTo(192L + 8_950L);
        assertThat(buffer.sumNested(key("wios="))).isEqualTo(353L + 1_252L);
        assertThat(buffer.sumNested(key("dios="))).isEqualTo(3_021L);
    }

    @Test
    void sumNestedMatchesWholeSubKeysOnly() {
        withFixture("kernel-docs/v2/io.stat");

        // "bytes=" is the tail of rbytes=, wbytes= and dbytes=, never a key of its own
        assertThat(buffer.sumNested(key("bytes="))).isEqualTo(ABSENT);
        assertThat(with("").sumNested(key("rbytes="))).isEqualTo(ABSENT);
    }

    @Test
    void nestedReadsOneSubKeyOfOneLine() {
        withFixture("hybrid-host/unified/io.pressure");

        assertThat(buffer.nested(key("some"), key("total="))).isEqualTo(1_471_498L);
        assertThat(buffer.nested(key("full"), key("total="))).isEqualTo(1_248_728L);
        assertThat(buffer.nested(key("full"), key("avg10="))).isEqualTo(0L);
        assertThat(buffer.nested(key("none"), key("total="))).isEqualTo(ABSENT);
        assertThat(buffer.nested(key("some"), key("missing="))).isEqualTo(ABSENT);
    }

    @Test
    void nestedNeedsTheWholeLineKey() {
        assertThat(with("something avg10=0.00 total=5\nsome avg10=0.00 total=7\n").nested(key("some"), key("total=")))
                .isEqualTo(7L);
    }

    @Test
    void nestedHundredthsReadsAPressureAverageAsHundredthsOfAPercent() {
        withFixture("hybrid-host/unified/cpu.pressure");

        assertThat(buffer.nestedHundredths(key("some"), key("avg10="))).isEqualTo(2_333L);
        assertThat(buffer.nestedHundredths(key("some"), key("avg60="))).isEqualTo(1_531L);
        assertThat(buffer.nestedHundredths(key("some"), key("avg300="))).isEqualTo(833L);
        assertThat(buffer.nestedHundredths(key("full"), key("avg10="))).isZero();
        assertThat(buffer.nestedHundredths(key("none"), key("avg10="))).isEqualTo(ABSENT);
    }

    @Test
    void nestedHundredthsPadsMissingDecimalsAndCutsExtraOnes() {
        assertThat(with("some avg10=100.00 avg60=7 avg300=1.5 total=0\n").nestedHundredths(key("some"), key("avg10=")))
                .isEqualTo(10_000L);
        assertThat(buffer.nestedHundredths(key("some"), key("avg60="))).isEqualTo(700L);
        assertThat(buffer.nestedHundredths(key("some"), key("avg300="))).isEqualTo(150L);
        assertThat(with("some avg10=0.129 total=0\n").nestedHundredths(key("some"), key("avg10="))).isEqualTo(12L);
        assertThat(with("some avg10=x total=0\n").nestedHundredths(key("some"), key("avg10="))).isEqualTo(ABSENT);
    }

    @Test
    void firstTokenIsMatchesTheWholeFirstWordOnly() {
        withFixture("hybrid-host/freezer/child/freezer.state");

        assertThat(buffer.firstTokenIs(key("FROZEN"))).isTrue();
        assertThat(with("FREEZING\n").firstTokenIs(key("FROZEN"))).isFalse();
        assertThat(with("FROZENX\n").firstTokenIs(key("FROZEN"))).isFalse();
        assertThat(with("FROZEN").firstTokenIs(key("FROZEN"))).isTrue();
        assertThat(with("").firstTokenIs(key("FROZEN"))).isFalse();
    }

    @Test
    void sumBlkioAddsOneOperationOverDevicesAndSkipsTheGrandTotal() {
        withFixture("kernel-docs/v1/blkio.throttle.io_service_bytes");

        // the same per-device numbers as io.stat: v1 and v2 must agree
        assertThat(buffer.sumBlkio(key("Read"))).isEqualTo(1_459_200L + 90_430_464L);
        assertThat(buffer.sumBlkio(key("Write"))).isEqualTo(314_773_504L + 299_008_000L);
        assertThat(buffer.sumBlkio(key("Total"))).isEqualTo(316_232_704L + 439_770_112L);
    }

    @Test
    void sumBlkioOfAFileWithOnlyTheGrandTotalIsAbsent() {
        withFixture("hybrid-host/blkio/blkio.throttle.io_service_bytes_recursive");

        assertThat(buffer.sumBlkio(key("Read"))).isEqualTo(ABSENT);
    }

    @Test
    void countLinesCountsNonEmptyLines() {
        assertThat(with("").countLines()).isZero();
        assertThat(with("1\n2\n3\n").countLines()).isEqualTo(3);
        assertThat(with("1\n2").countLines()).isEqualTo(2);
        assertThat(with("1\n\n2\n\n").countLines()).isEqualTo(2);
    }

    @Test
    void firstLongReadsNumbersMaxAndMinusOne() {
        assertThat(with("100000\n").firstLong()).isEqualTo(100_000L);
        assertThat(with("max\n").firstLong()).isEqualTo(MAX);
        assertThat(with("max 100000\n").firstLong()).isEqualTo(MAX);
        assertThat(with("-1\n").firstLong()).isEqualTo(-1L);
        assertThat(with("  42").firstLong()).isEqualTo(42L);
        withFixture("hybrid-host/memory/memory.limit_in_bytes");
        assertThat(buffer.firstLong()).isEqualTo(9_223_372_036_854_771_712L);
    }

    @Test
    void firstLongOfNothingOrTextIsAbsent() {
        assertThat(with("").firstLong()).isEqualTo(ABSENT);
        assertThat(with("\n").firstLong()).isEqualTo(ABSENT);
        assertThat(with("THAWED\n").firstLong()).isEqualTo(ABSENT);
        assertThat(with("-").firstLong()).isEqualTo(ABSENT);
    }

    @Test
    void aNumberThatOverflowsALongIsAbsentNotWrapped() {
        assertThat(with("9223372036854775807").firstLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(with("9223372036854775808").firstLong()).isEqualTo(ABSENT);
        assertThat(with("99999999999999999999\n").firstLong()).isEqualTo(ABSENT);
        assertThat(with("big 18446744073709551615\n").keyed(key("big"))).isEqualTo(ABSENT);
    }

    @Test
    void secondLongReadsThePeriodOfCpuMax() {
        withFixture("kernel-docs/v2/cpu.max");
        assertThat(buffer.secondLong()).isEqualTo(100_000L);
        assertThat(with("max 100000\n").secondLong()).isEqualTo(100_000L);
        assertThat(with("50000\n").secondLong()).isEqualTo(ABSENT);
    }

    @Test
    void loadReadsAFileAndReportsAMissingOneAsEmpty(@TempDir Path dir) throws IOException {
        Path stat = dir.resolve("cpu.stat");
        Files.write(stat, Fixtures.bytes("kernel-docs/v2/cpu.stat"));

        assertThat(buffer.load(stat.toString())).isTrue();
        assertThat(buffer.keyed(key("nr_periods"))).isEqualTo(1_457L);
        assertThat(buffer.load(dir.resolve("gone").toString())).isFalse();
        assertThat(buffer.length()).isZero();
        assertThat(buffer.keyed(key("nr_periods"))).isEqualTo(ABSENT);
    }

    @Test
    void loadGrowsForFilesLargerThanItsBuffer(@TempDir Path dir) throws IOException {
        StringBuilder procs = new StringBuilder();
        for (int pid = 100_000; pid < 103_000; pid++) {
            procs.append(pid).append('\n');
        }
        Path file = dir.resolve("cgroup.procs");
        Files.writeString(file, procs);

        assertThat(buffer.load(file.toString())).isTrue();
        assertThat(buffer.length()).isEqualTo(procs.length());
        assertThat(buffer.countLines()).isEqualTo(3_000);
    }

    @Test
    void aShorterFileAfterALongerOneLeavesNothingOfTheOld(@TempDir Path dir) throws IOException {
        Path longer = dir.resolve("a");
        Path shorter = dir.resolve("b");
        Files.writeString(longer, "1\n2\n3\n4\n5\n");
        Files.writeString(shorter, "7\n");

        buffer.load(longer.toString());
        buffer.load(shorter.toString());

        assertThat(buffer.countLines()).isEqualTo(1);
        assertThat(buffer.firstLong()).isEqualTo(7L);
    }
}
