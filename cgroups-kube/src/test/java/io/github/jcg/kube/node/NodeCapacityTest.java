package io.github.jcg.kube.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Capacity as cAdvisor and the kubelet report it, from numbers, from fake trees, and from this host. */
class NodeCapacityTest {

    @Test
    void theKubeletsFormats() {
        ResourceList capacity = NodeCapacity.of(8, 16_303_428L * 1024, Map.of("hugepages-2Mi", 512L * 2 * 1024 * 1024),
                KubeletConfig.defaults());
        assertThat(capacity.toString()).isEqualTo("cpu=8,hugepages-2Mi=1Gi,memory=16303428Ki,pods=110");
        assertThat(capacity.cpu().format()).isEqualTo(Quantity.Format.DECIMAL_SI);
        assertThat(capacity.memory().format()).isEqualTo(Quantity.Format.BINARY_SI);
    }

    @Test
    void podsComeFromMaxPods() {
        KubeletConfig config = KubeletConfig.parse("""
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                maxPods: 32
                """, "test");
        assertThat(NodeCapacity.of(1, 1L << 30, Map.of(), config).get("pods")).contains(Quantity.of(32));
    }

    @Test
    void badNumbersAreRefused() {
        assertThatThrownBy(() -> NodeCapacity.of(-1, 0, Map.of(), KubeletConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> NodeCapacity.of(1, 0, Map.of("huge-2Mi", 0L), KubeletConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hugepages-<size>");
    }

    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource({
        "65536, hugepages-64Ki",
        "2097152, hugepages-2Mi",
        "33554432, hugepages-32Mi",
        "536870912, hugepages-512Mi",
        "1073741824, hugepages-1Gi",
        "17179869184, hugepages-16Gi",
    })
    void hugepageNamesAreTheCanonicalPageSize(long pageBytes, String name) {
        assertThat(NodeCapacity.hugepageResourceName(pageBytes)).isEqualTo(name);
    }

    @Test
    void hugepagesFromSysfs(@TempDir Path dir) throws IOException {
        write(dir.resolve("hugepages-2048kB/nr_hugepages"), "512\n");
        write(dir.resolve("hugepages-2048kB/free_hugepages"), "100\n");
        write(dir.resolve("hugepages-1048576kB/nr_hugepages"), "0\n");
        write(dir.resolve("README"), "not a size\n");
        assertThat(NodeCapacity.hugepagesOf(dir))
                .containsExactlyInAnyOrderEntriesOf(Map.of("hugepages-2Mi", 1L << 30, "hugepages-1Gi", 0L));
        assertThat(NodeCapacity.hugepagesOf(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void maxPidsIsTheSmallerOfPidMaxAndThreadsMax(@TempDir Path dir) throws IOException {
        assertThat(NodeCapacity.maxPidsOf(dir)).isEmpty();
        write(dir.resolve("pid_max"), "4194304\n");
        assertThat(NodeCapacity.maxPidsOf(dir)).hasValue(4_194_304);
        write(dir.resolve("threads-max"), "63444\n");
        assertThat(NodeCapacity.maxPidsOf(dir)).hasValue(63_444);
        write(dir.resolve("threads-max"), "garbage\n");
        assertThat(NodeCapacity.maxPidsOf(dir)).hasValue(4_194_304);
    }

    @Test
    void thisHostsLogicalCpusMemTotalAndHugepages() throws IOException {
        ResourceList capacity = NodeCapacity.ofHost(KubeletConfig.defaults());

        // Runtime.availableProcessors() follows cpusets and quotas; cAdvisor counts the host's CPUs
        long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.matches("processor\\s*:.*")).count();
        assertThat(capacity.cpu()).isEqualTo(Quantity.of(processors));

        Matcher memTotal = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB$").matcher(Files.readString(Path.of("/proc/meminfo")));
        assertThat(memTotal.find()).isTrue();
        assertThat(capacity.memory()).isEqualTo(Quantity.ofBytes(Long.parseLong(memTotal.group(1)) * 1024));

        Map<String, Quantity> hugepages = new TreeMap<>(capacity.entries());
        hugepages.keySet().removeIf(name -> !name.startsWith("hugepages-"));
        Map<String, Quantity> expected = new TreeMap<>();
        NodeCapacity.hugepagesOf(Path.of("/sys/kernel/mm/hugepages"))
                .forEach((name, bytes) -> expected.put(name, Quantity.ofBytes(bytes)));
        assertThat(hugepages).isEqualTo(expected);

        assertThat(capacity.get("pods")).contains(Quantity.of(110));
        assertThat(NodeCapacity.maxPidsOfHost()).isPresent();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
