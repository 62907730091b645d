package io.github.jcg.cli.run;

import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostCapacityTest {
    private final HostCapacity fourCpus = new HostCapacity(Optional.of(CpuList.parse("0-3")), OptionalLong.of(8L << 30));
    private final HostCapacity unknown = new HostCapacity(Optional.empty(), OptionalLong.empty());

    @Test
    void withinTheHostPasses() {
        assertThatCode(() -> fourCpus.check(Resources.builder().cpuCores(4, 100_000).memoryMax(Limit.of(8L << 30))
                .pidsMax(Limit.of(1)).cpusetCpus(CpuList.parse("2-3")).build())).doesNotThrowAnyException();
        assertThatCode(() -> fourCpus.check(Resources.builder().memoryMax(Limit.unlimited()).build())).doesNotThrowAnyException();
    }

    @Test
    void beyondTheHostIsWrongUsage() {
        assertThatThrownBy(() -> fourCpus.check(Resources.builder().cpuCores(4.5, 100_000).build()))
                .isInstanceOf(UsageException.class).hasMessageContaining("more than this host's 4");
        assertThatThrownBy(() -> fourCpus.check(Resources.builder().memoryMax(Limit.of((8L << 30) + 1)).build()))
                .hasMessageContaining("bytes of RAM");
        assertThatThrownBy(() -> fourCpus.check(Resources.builder().cpusetCpus(CpuList.parse("4")).build()))
                .hasMessageContaining("not online here (online: 0-3)");
    }

    @Test
    void anUnknownHostChecksOnlyForZero() {
        assertThatCode(() -> unknown.check(Resources.builder().cpuCores(64, 100_000).build())).doesNotThrowAnyException();
        assertThatThrownBy(() -> unknown.check(Resources.builder().pidsMax(Limit.of(0)).build())).hasMessageContaining("more than 0");
    }
}
