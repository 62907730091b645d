package io.github.jcg.kube.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading a KubeletConfiguration: defaults.go's defaults, and validation.go's messages (the
 * cases of its validation_test.go that touch the fields modelled).
 */
class KubeletConfigTest {

    private static final String HEADER = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n";

    private static KubeletConfig parse(String body) {
        return KubeletConfig.parse(HEADER + body, "kubelet.yaml");
    }

    @Test
    void defaultsAreTheKubelets() {
        KubeletConfig d = KubeletConfig.defaults();
        assertThat(d.systemReserved().isEmpty()).isTrue();
        assertThat(d.kubeReserved().isEmpty()).isTrue();
        assertThat(d.evictionHardMemoryAvailable()).isEqualTo("100Mi");
        assertThat(d.enforceNodeAllocatable()).containsExactly("pods");
        assertThat(d.cpuCfsQuota()).isTrue();
        assertThat(d.cpuCfsQuotaPeriodMicros()).isEqualTo(100_000);
        assertThat(d.memoryThrottlingFactor()).isEqualTo(0.9);
        assertThat(d.featureGates()).isEmpty();
        assertThat(d.cgroupRoot()).isEqualTo("/");
        assertThat(d.cgroupsPerQos()).isTrue();
        assertThat(d.maxPods()).isEqualTo(110);
    }

    @Test
    void aFileThatSetsNothingModelledGivesTheDefaults() {
        assertThat(parse("address: 0.0.0.0\nauthentication:\n  anonymous:\n    enabled: false\n"))
                .isEqualTo(KubeletConfig.defaults());
    }

    @Test
    void readsEveryFieldModelled() {
        KubeletConfig c = parse("""
                systemReserved:
                  cpu: 500m
                  memory: 1Gi
                kubeReserved: {cpu: 1, memory: 512Mi, pid: "1000"}
                evictionHard:
                  memory.available: 5%
                  nodefs.available: 10%
                enforceNodeAllocatable: [pods]
                cpuCFSQuota: false
                cpuCFSQuotaPeriod: 50ms
                memoryThrottlingFactor: 0.8
                featureGates:
                  CustomCPUCFSQuotaPeriod: true
                  MemoryQoS: true
                cgroupRoot: /kube
                cgroupsPerQOS: true
                cgroupDriver: cgroupfs
                maxPods: 250
                unknownField: [1, 2]
                """);
        assertThat(c.systemReserved()).isEqualTo(new ResourceList(Map.of(
                "cpu", Quantity.parse("500m"), "memory", Quantity.parse("1Gi"))));
        assertThat(c.kubeReserved()).isEqualTo(new ResourceList(Map.of(
                "cpu", Quantity.parse("1"), "memory", Quantity.parse("512Mi"), "pid", Quantity.parse("1000"))));
        assertThat(c.evictionHardMemoryAvailable()).isEqualTo("5%");
        assertThat(c.enforceNodeAllocatable()).containsExactly("pods");
        assertThat(c.cpuCfsQuota()).isFalse();
        assertThat(c.cpuCfsQuotaPeriodMicros()).isEqualTo(50_000);
        assertThat(c.memoryThrottlingFactor()).isEqualTo(0.8);
        assertThat(c.enabled("MemoryQoS")).isTrue();
        assertThat(c.enabled("CustomCPUCFSQuotaPeriod")).isTrue();
        assertThat(c.cgroupRoot()).isEqualTo("/kube");
        assertThat(c.maxPods()).isEqualTo(250);
    }

    @Test
    void readsJsonToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kubelet.json");
        Files.writeString(file, """
                {"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration",
                 "systemReserved": {"memory": "256Mi"}, "maxPods": 20}
                """);
        KubeletConfig c = KubeletConfig.read(file);
        assertThat(c.systemReserved().memory()).isEqualTo(Quantity.parse("256Mi"));
        assertThat(c.maxPods()).isEqualTo(20);
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> KubeletConfig.read(missing))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(missing + ": cannot read the kubelet configuration: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // absent: the default threshold
        "''|100Mi",
        "'evictionHard: null'|100Mi",
        // given without memory.available: none (defaults.go defaults the map only when it is nil)
        "'evictionHard: {nodefs.available: 10%}'|0%",
        "'evictionHard: {}'|0%",
        // unless mergeDefaultEvictionSettings fills the missing signals in
        "'evictionHard: {nodefs.available: 10%}\nmergeDefaultEvictionSettings: true'|100Mi",
        "'evictionHard: {memory.available: 500Mi}'|500Mi",
        "'evictionHard: {memory.available: 0%}'|0%",
        "'evictionHard: {memory.available: 100%}'|100%",
        "'evictionHard: {memory.available: 7.5%}'|7.5%",
    })
    void evictionHardAsTheKubeletDefaultsIt(String yaml, String memoryAvailable) {
        assertThat(parse(yaml + "\n").evictionHardMemoryAvailable()).isEqualTo(memoryAvailable);
    }

    @Test
    void enforceNodeAllocatableNullIsDefaultedAndEmptyStaysEmpty() {
        assertThat(parse("enforceNodeAllocatable: null\n").enforceNodeAllocatable()).containsExactly("pods");
        assertThat(parse("enforceNodeAllocatable: []\n").enforceNodeAllocatable()).isEmpty();
        assertThat(parse("enforceNodeAllocatable: [none]\n").enforceNodeAllocatable()).containsExactly("none");
        assertThat(parse("enforceNodeAllocatable: [pods, system-reserved]\nsystemReservedCgroup: /system.slice\n")
                .enforceNodeAllocatable()).isEqualTo(Set.of("pods", "system-reserved"));
    }

    @Test
    void qosGroupsOffNeedAnEmptyEnforcementListAndLeaveTheRootEmpty() {
        KubeletConfig c = parse("cgroupsPerQOS: false\nenforceNodeAllocatable: []\n");
        assertThat(c.cgroupsPerQos()).isFalse();
        assertThat(c.cgroupRoot()).isEmpty();
    }

    @Test
    void aCustomPeriodWithItsGateIsKeptInMicroseconds() {
        assertThat(parse("featureGates: {CustomCPUCFSQuotaPeriod: true}\ncpuCFSQuotaPeriod: 1s\n")
                .cpuCfsQuotaPeriodMicros()).isEqualTo(1_000_000);
        assertThat(parse("featureGates: {CustomCPUCFSQuotaPeriod: true}\ncpuCFSQuotaPeriod: 1ms\n")
                .cpuCfsQuotaPeriodMicros()).isEqualTo(1_000);
        // the default spelled differently needs no gate
        assertThat(parse("cpuCFSQuotaPeriod: 100000us\n").cpuCfsQuotaPeriodMicros()).isEqualTo(100_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // validation.go, with validation_test.go's wording
        "'featureGates: {CustomCPUCFSQuotaPeriod: false}\ncpuCFSQuotaPeriod: 200ms'"
                + "|kubelet.yaml: invalid configuration: cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {200ms} "
                + "requires feature gate CustomCPUCFSQuotaPeriod",
        "'cpuCFSQuotaPeriod: 50ms'"
                + "|kubelet.yaml: invalid configuration: cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {50ms} "
                + "requires feature gate CustomCPUCFSQuotaPeriod",
        "'featureGates: {CustomCPUCFSQuotaPeriod: true}\ncpuCFSQuotaPeriod: 2s'"
                + "|kubelet.yaml: invalid configuration: cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {2s} "
                + "must be between 1ms and 1sec, inclusive",
        "'featureGates: {CustomCPUCFSQuotaPeriod: true}\ncpuCFSQuotaPeriod: 999us'"
                + "|kubelet.yaml: invalid configuration: cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {999\u00b5s} "
                + "must be between 1ms and 1sec, inclusive",
        "'maxPods: -1'|kubelet.yaml: invalid configuration: maxPods (--max-pods) -1 must not be a negative number",
        "'memoryThrottlingFactor: 1.1'|kubelet.yaml: invalid configuration: memoryThrottlingFactor 1.1 "
                + "must be greater than 0 and less than or equal to 1.0",
        "'memoryThrottlingFactor: 0'|kubelet.yaml: invalid configuration: memoryThrottlingFactor 0 "
                + "must be greater than 0 and less than or equal to 1.0",
        "'cgroupsPerQOS: false\nenforceNodeAllocatable: []\nmemoryThrottlingFactor: -2'"
                + "|kubelet.yaml: invalid configuration: memoryThrottlingFactor -2 "
                + "must be greater than 0 and less than or equal to 1.0",
        "'enforceNodeAllocatable: [system-reserved]'|kubelet.yaml: invalid configuration: systemReservedCgroup "
                + "(--system-reserved-cgroup) must be specified when \"system-reserved\" or "
                + "\"system-reserved-compressible\" contained in enforceNodeAllocatable (--enforce-node-allocatable)",
        "'enforceNodeAllocatable: [kube-reserved]'|kubelet.yaml: invalid configuration: kubeReservedCgroup "
                + "(--kube-reserved-cgroup) must be specified when \"kube-reserved\" or "
                + "\"kube-reserved-compressible\" contained in enforceNodeAllocatable (--enforce-node-allocatable)",
        "'enforceNodeAllocatable: [none, kube-reserved]\nkubeReservedCgroup: /kube.slice'"
                + "|kubelet.yaml: invalid configuration: enforceNodeAllocatable (--enforce-node-allocatable) "
                + "may not contain additional enforcements when \"none\" is specified",
        "'enforceNodeAllocatable: [invalid-enforce-node-allocatable]'|kubelet.yaml: invalid configuration: option "
                + "\"invalid-enforce-node-allocatable\" specified for enforceNodeAllocatable "
                + "(--enforce-node-allocatable). Valid options are \"pods\", \"system-reserved\", "
                + "\"system-reserved-compressible\", \"kube-reserved\", \"kube-reserved-compressible\" or \"none\"",
        "'enforceNodeAllocatable: [system-reserved, system-reserved-compressible]\nsystemReservedCgroup: /s'"
                + "|kubelet.yaml: invalid configuration: both \"system-reserved\" and "
                + "\"system-reserved-compressible\" cannot be specified together in enforceNodeAllocatable "
                + "(--enforce-node-allocatable)",
        // several problems at once: apimachinery's aggregate, in the order validation.go finds them
        "'cgroupsPerQOS: false\nenforceNodeAllocatable: [pods]'"
                + "|kubelet.yaml: [invalid configuration: enforceNodeAllocatable (--enforce-node-allocatable) is "
                + "not supported unless cgroupsPerQOS (--cgroups-per-qos) is set to true, invalid configuration: "
                + "cgroupsPerQOS (--cgroups-per-qos) must be set to true when \"pods\" contained in "
                + "enforceNodeAllocatable (--enforce-node-allocatable)]",
        // the kubelet's reservation parsing (cmd/kubelet/app/server.go)
        "'systemReserved: {memory: 1Gx}'|kubelet.yaml: systemReserved.memory: invalid quantity '1Gx': unknown "
                + "suffix 'Gx'; quantities must match the regular expression "
                + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        "'kubeReserved: {cpu: -1}'|kubelet.yaml: kubeReserved.cpu: resource quantity for \"cpu\" cannot be "
                + "negative: -1",
        "'systemReserved: {hugepages-2Mi: 1Gi}'|kubelet.yaml: systemReserved: cannot reserve \"hugepages-2Mi\" "
                + "resource (the kubelet reserves cpu, memory, ephemeral-storage and pid)",
        // the kubelet's eviction threshold parsing (pkg/kubelet/eviction/helpers.go)
        "'evictionHard: {memory.available: 0}'|kubelet.yaml: evictionHard.memory.available: eviction threshold "
                + "memory.available must be positive: 0",
        "'evictionHard: {memory.available: -1Mi}'|kubelet.yaml: evictionHard.memory.available: eviction "
                + "threshold memory.available must be positive: -1Mi",
        "'evictionHard: {memory.available: 150%}'|kubelet.yaml: evictionHard.memory.available: eviction "
                + "percentage threshold memory.available must be <= 100%: 150%",
        "'evictionHard: {memory.available: -5%}'|kubelet.yaml: evictionHard.memory.available: eviction "
                + "percentage threshold memory.available must be >= 0%: -5%",
        "'evictionHard: {memory.available: lots%}'|kubelet.yaml: evictionHard.memory.available: invalid "
                + "percentage \"lots%\"; write a percentage such as 10% or a quantity such as 100Mi",
        // shapes and the model's own limits
        "'cgroupDriver: systemd'|kubelet.yaml: cgroupDriver: systemd is not modelled: jcg models the cgroupfs "
                + "driver (kubepods/burstable/pod<uid>, not kubepods.slice); set cgroupDriver: cgroupfs",
        "'cgroupDriver: runit'|kubelet.yaml: cgroupDriver: \"runit\" is not a cgroup driver (the kubelet knows "
                + "cgroupfs and systemd; jcg models cgroupfs); set cgroupDriver: cgroupfs",
        "'cpuCFSQuotaPeriod: 100'|kubelet.yaml: cpuCFSQuotaPeriod: expected a duration string such as 100ms, "
                + "got 100",
        "'cpuCFSQuotaPeriod: 100 ms'|kubelet.yaml: cpuCFSQuotaPeriod: time: unknown unit \" ms\" in duration "
                + "\"100 ms\"; write a duration such as 100ms",
        "'maxPods: many'|kubelet.yaml: maxPods: expected a whole number (a 32-bit integer), got \"many\"",
        "'cpuCFSQuota: 1'|kubelet.yaml: cpuCFSQuota: expected true or false, got 1",
        "'featureGates: {MemoryQoS: yes please}'|kubelet.yaml: featureGates.MemoryQoS: expected true or false, "
                + "got \"yes please\"",
        "'enforceNodeAllocatable: pods'|kubelet.yaml: enforceNodeAllocatable: expected a list such as [pods], "
                + "got \"pods\"",
        "'systemReserved: 1Gi'|kubelet.yaml: systemReserved: expected a mapping such as {cpu: 100m, memory: 1Gi}, "
                + "got \"1Gi\"",
    })
    void refusesWithOneLineNamingTheField(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml + "\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''|kubelet.yaml: empty; a kubelet configuration starts with apiVersion: kubelet.config.k8s.io/v1beta1 "
                + "and kind: KubeletConfiguration",
        "'- a\n- b'|kubelet.yaml: expected a mapping (apiVersion, kind, and the configuration's fields)",
        "'kind: KubeletConfiguration'|kubelet.yaml: apiVersion: missing; a kubelet configuration file says "
                + "apiVersion: kubelet.config.k8s.io/v1beta1 and kind: KubeletConfiguration",
        "'apiVersion: v1\nkind: Pod'|kubelet.yaml: kind: expected KubeletConfiguration, got \"Pod\"",
        "'apiVersion: kubelet.config.k8s.io/v1\nkind: KubeletConfiguration'|kubelet.yaml: apiVersion: expected "
                + "kubelet.config.k8s.io/v1beta1, got \"kubelet.config.k8s.io/v1\"",
    })
    void refusesWhatIsNotAKubeletConfiguration(String yaml, String message) {
        assertThatThrownBy(() -> KubeletConfig.parse(yaml, "kubelet.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage(message);
    }

    @Test
    void malformedYamlIsOneLine() {
        assertThatThrownBy(() -> KubeletConfig.parse("kind: [unclosed\n", "bad.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("bad.yaml: not YAML or JSON: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
