package io.github.jcg.kube.cgroups;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.QosClass;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.jcg.kube.cgroups.KubeTestPods.files;
import static io.github.jcg.kube.cgroups.KubeTestPods.init;
import static io.github.jcg.kube.cgroups.KubeTestPods.node;
import static io.github.jcg.kube.cgroups.KubeTestPods.pod;
import static io.github.jcg.kube.cgroups.KubeTestPods.regular;
import static io.github.jcg.kube.cgroups.KubeTestPods.rl;
import static io.github.jcg.kube.cgroups.KubeTestPods.sidecar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The planner against the kubelet's own unit-test tables (helpers_linux_test.go,
 * kuberuntime_container_linux_test.go), each case asserted as exact file → value on cgroup v1 and
 * on cgroup v2.
 */
class KubeletCgroupsTest {
    private static final Map<String, Boolean> TUNED_PERIOD = Map.of(KubeletCgroups.CUSTOM_CPU_CFS_QUOTA_PERIOD, true);
    private static final Map<String, Boolean> MEMORY_QOS = Map.of(KubeletCgroups.MEMORY_QOS, true);

    private static KubeletCgroups planner(ControllerVersions versions, KubeletConfig config) {
        return new KubeletCgroups(node(config), versions);
    }

    private static KubeletCgroups planner(ControllerVersions versions) {
        return planner(versions, KubeTestPods.config());
    }

    // ---------------------------------------------------------------- TestMilliCPUToShares, TestMilliCPUToQuota

    @ParameterizedTest(name = "{0}m → {1} shares")
    @CsvSource({
            "0, 2", "1, 2", "2, 2", "3, 3", "100, 102", "500, 512", "1000, 1024",
            "255999, 262142", "256000, 262144", "256001, 262144", "1000000, 262144", "-1, 2", "-1000000, 2"})
    void milliCpuToSharesMatchesTheKubeletsTable(long milliCpu, long shares) {
        assertThat(KubeletCgroups.milliCpuToShares(milliCpu)).isEqualTo(shares);
    }

    @ParameterizedTest(name = "{0}m over {2} µs → quota {1}")
    @CsvSource({
            "0, 0, 0", "5, 1000, 100000", "9, 1000, 100000", "10, 1000, 100000", "200, 20000, 100000",
            "500, 50000, 100000", "1000, 100000, 100000", "1500, 150000, 100000"})
    void milliCpuToQuotaMatchesTheKubeletsTable(long milliCpu, long quota, long period) {
        assertThat(KubeletCgroups.milliCpuToQuota(milliCpu, period)).isEqualTo(quota);
    }

    // ---------------------------------------------------------------- TestResourceConfigForPod

    static Stream<Arguments> resourceConfigForPod() {
        Container burstableWithLimits = regular("c", rl("100m", "100Mi"), rl("200m", "200Mi"));
        Container burstableNoLimits = regular("d", rl("100m", "100Mi"), rl("", ""));
        Container guaranteed = regular("c", rl("100m", "100Mi"), rl("100m", "100Mi"));
        Pod besteffort = pod("besteffort", regular("c", rl("", ""), rl("", "")));
        Pod burstableNoLimitsPod = pod("burstable-no-limits", regular("c", rl("100m", "100Mi"), rl("", "")));
        Pod burstableWithLimitsPod = pod("burstable-with-limits", burstableWithLimits);
        Pod partial = pod("burstable-partial-limits", burstableWithLimits, burstableNoLimits);
        Pod guaranteedPod = pod("guaranteed", guaranteed);
        Pod withInit = pod("burstable-partial-limits-with-init-containers",
                List.of(init("i1", rl("100m", "100m"), rl("100m", "100Mi")), init("i2", rl("100m", "100m"), rl("", ""))),
                List.of(regular("c1", rl("100m", "100m"), rl("100m", "100Mi")),
                        regular("c2", rl("100m", "100m"), rl("", ""))));
        Pod withOverhead = pod("guaranteed-with-overhead", List.of(), List.of(guaranteed), rl("10m", "10Mi"));
        long burstableMemory = 200 * KubeTestPods.MiB;
        long guaranteedMemory = 100 * KubeTestPods.MiB;
        return Stream.of(
                Arguments.of(besteffort, true, 100_000,
                        files("cpu.shares=2"),
                        files("cpu.weight=1")),
                Arguments.of(burstableNoLimitsPod, true, 100_000,
                        files("cpu.shares=102"),
                        files("cpu.weight=4")),
                Arguments.of(burstableWithLimitsPod, true, 100_000,
                        files("memory.limit_in_bytes=" + burstableMemory, "cpu.shares=102", "cpu.cfs_period_us=100000",
                                "cpu.cfs_quota_us=20000"),
                        files("memory.max=" + burstableMemory, "cpu.weight=4", "cpu.max=20000 100000")),
                Arguments.of(burstableWithLimitsPod, false, 100_000,
                        files("memory.limit_in_bytes=" + burstableMemory, "cpu.shares=102", "cpu.cfs_period_us=100000",
                                "cpu.cfs_quota_us=-1"),
                        files("memory.max=" + burstableMemory, "cpu.weight=4", "cpu.max=max 100000")),
                Arguments.of(partial, true, 100_000,
                        files("cpu.shares=204"),
                        files("cpu.weight=8")),
                Arguments.of(burstableWithLimitsPod, true, 5_000,
                        files("memory.limit_in_bytes=" + burstableMemory, "cpu.shares=102", "cpu.cfs_period_us=5000",
                                "cpu.cfs_quota_us=1000"),
                        files("memory.max=" + burstableMemory, "cpu.weight=4", "cpu.max=1000 5000")),
                Arguments.of(burstableWithLimitsPod, false, 5_000,
                        files("memory.limit_in_bytes=" + burstableMemory, "cpu.shares=102", "cpu.cfs_period_us=5000",
                                "cpu.cfs_quota_us=-1"),
                        files("memory.max=" + burstableMemory, "cpu.weight=4", "cpu.max=max 5000")),
                Arguments.of(partial, true, 5_000,
                        files("cpu.shares=204"),
                        files("cpu.weight=8")),
                Arguments.of(guaranteedPod, true, 100_000,
                        files("memory.limit_in_bytes=" + guaranteedMemory, "cpu.shares=102", "cpu.cfs_period_us=100000",
                                "cpu.cfs_quota_us=10000"),
                        files("memory.max=" + guaranteedMemory, "cpu.weight=4", "cpu.max=10000 100000")),
                Arguments.of(guaranteedPod, false, 100_000,
                        files("memory.limit_in_bytes=" + guaranteedMemory, "cpu.shares=102", "cpu.cfs_period_us=100000",
                                "cpu.cfs_quota_us=-1"),
                        files("memory.max=" + guaranteedMemory, "cpu.weight=4", "cpu.max=max 100000")),
                // 100m over 5 ms is 500 µs: raised to the 1 ms minimum
                Arguments.of(guaranteedPod, true, 5_000,
                        files("memory.limit_in_bytes=" + guaranteedMemory, "cpu.shares=102", "cpu.cfs_period_us=5000",
                                "cpu.cfs_quota_us=1000"),
                        files("memory.max=" + guaranteedMemory, "cpu.weight=4", "cpu.max=1000 5000")),
                Arguments.of(guaranteedPod, false, 5_000,
                        files("memory.limit_in_bytes=" + guaranteedMemory, "cpu.shares=102", "cpu.cfs_period_us=5000",
                                "cpu.cfs_quota_us=-1"),
                        files("memory.max=" + guaranteedMemory, "cpu.weight=4", "cpu.max=max 5000")),
                Arguments.of(withInit, true, 5_000,
                        files("cpu.shares=204"),
                        files("cpu.weight=8")),
                // not in the Go table: spec.overhead is added to requests and to the limits the pod has
                Arguments.of(withOverhead, true, 100_000,
                        files("memory.limit_in_bytes=" + (guaranteedMemory + 10 * KubeTestPods.MiB), "cpu.shares=112",
                                "cpu.cfs_period_us=100000", "cpu.cfs_quota_us=11000"),
                        files("memory.max=" + (guaranteedMemory + 10 * KubeTestPods.MiB), "cpu.weight=5",
                                "cpu.max=11000 100000")));
    }

    @ParameterizedTest(name = "[{index}] {0} cpuCFSQuota={1} period={2}")
    @MethodSource("resourceConfigForPod")
    void podGroupMatchesResourceConfigForPod(Pod pod, boolean cpuCfsQuota, long period,
                                             Map<String, String> v1, Map<String, String> v2) {
        KubeletConfig config = KubeTestPods.config(cpuCfsQuota, period, period == 100_000 ? Map.of() : TUNED_PERIOD, "/");

        assertThat(planner(ControllerVersions.allV1(), config).plan(pod, List.of(pod)).podGroup().values())
                .containsExactlyEntriesOf(v1);
        assertThat(planner(ControllerVersions.allV2(), config).plan(pod, List.of(pod)).podGroup().values())
                .containsExactlyEntriesOf(v2);
    }

    // ---------------------------------------------------------------- TestCalculateLinuxResources

    static Stream<Arguments> calculateLinuxResources() {
        return Stream.of(
                Arguments.of("Request128MBLimit256MB", rl("1", ""), rl("2", "128Mi"),
                        files("memory.limit_in_bytes=134217728", "cpu.shares=1024", "cpu.cfs_period_us=100000",
                                "cpu.cfs_quota_us=200000"),
                        files("memory.max=134217728", "cpu.weight=100", "cpu.max=200000 100000", "memory.oom.group=1",
                                "memory.swap.max=0")),
                Arguments.of("RequestNoMemory", rl("2", ""), rl("8", "0"),
                        files("cpu.shares=2048", "cpu.cfs_period_us=100000", "cpu.cfs_quota_us=800000"),
                        files("cpu.weight=174", "cpu.max=800000 100000", "memory.oom.group=1", "memory.swap.max=0")),
                Arguments.of("RequestNilCPU", rl("", ""), rl("2", "0"),
                        files("cpu.shares=2048", "cpu.cfs_period_us=100000", "cpu.cfs_quota_us=200000"),
                        files("cpu.weight=174", "cpu.max=200000 100000", "memory.oom.group=1", "memory.swap.max=0")),
                Arguments.of("RequestZeroCPU", rl("0", ""), rl("2", "0"),
                        files("cpu.shares=2", "cpu.cfs_period_us=100000", "cpu.cfs_quota_us=200000"),
                        files("cpu.weight=1", "cpu.max=200000 100000", "memory.oom.group=1", "memory.swap.max=0")),
                // no CPU limit: the period is still written, the quota is not
                Arguments.of("RequestOnly", rl("250m", "64Mi"), rl("", ""),
                        files("cpu.shares=256", "cpu.cfs_period_us=100000"),
                        files("cpu.weight=35", "cpu.max=max 100000", "memory.oom.group=1", "memory.swap.max=0")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calculateLinuxResources")
    void containerGroupMatchesCalculateLinuxResources(String name, ResourceList requests, ResourceList limits,
                                                      Map<String, String> v1, Map<String, String> v2) {
        Pod pod = pod("p", regular("app", requests, limits));

        assertThat(planner(ControllerVersions.allV1()).plan(pod, List.of(pod)).container("app").values())
                .containsExactlyEntriesOf(v1);
        assertThat(planner(ControllerVersions.allV2()).plan(pod, List.of(pod)).container("app").values())
                .containsExactlyEntriesOf(v2);
    }

    @Test
    void withoutCfsQuotaAContainerGetsNeitherPeriodNorQuota() {
        KubeletConfig config = KubeTestPods.config(false, 100_000, Map.of(), "/");
        Pod pod = pod("p", regular("app", rl("500m", ""), rl("1", "")));

        assertThat(planner(ControllerVersions.allV1(), config).plan(pod, List.of(pod)).container("app").values())
                .containsExactlyEntriesOf(files("cpu.shares=512"));
        assertThat(planner(ControllerVersions.allV2(), config).plan(pod, List.of(pod)).container("app").values())
                .containsExactlyEntriesOf(files("cpu.weight=59", "memory.oom.group=1", "memory.swap.max=0"));
    }

    // ---------------------------------------------------------------- the node's groups

    private static final Pod GUARANTEED = pod("db", regular("db", rl("1", "1Gi"), rl("1", "1Gi")));
    private static final Pod BURSTABLE = pod("web", regular("web", rl("250m", "128Mi"), rl("500m", "256Mi")));
    private static final Pod BURSTABLE_REQUESTS_ONLY = pod("log", regular("log", rl("100m", "64Mi"), rl("", "")));
    private static final Pod BEST_EFFORT = pod("batch", regular("batch", rl("", ""), rl("", "")));
    private static final List<Pod> NODE_PODS = List.of(GUARANTEED, BURSTABLE, BURSTABLE_REQUESTS_ONLY, BEST_EFFORT);

    @Test
    void kubepodsIsHeldToTheEnforcedAllocatable() {
        List<PlannedGroup> v1 = planner(ControllerVersions.allV1()).planNode(NODE_PODS);
        List<PlannedGroup> v2 = planner(ControllerVersions.allV2()).planNode(NODE_PODS);

        assertThat(v1.get(0).path()).isEqualTo("/kubepods");
        assertThat(v1.get(0).role()).isEqualTo(GroupRole.KUBEPODS);
        // 3500m: 3500 × 1024 / 1000 = 3584 shares; the kubelet's linear weight 1 + 3582 × 9999 / 262142 = 137
        assertThat(v1.get(0).values()).containsExactlyEntriesOf(files("memory.limit_in_bytes=6442450944",
                "cpu.shares=3584", "pids.max=4096"));
        assertThat(v2.get(0).values()).containsExactlyEntriesOf(files("pids.max=4096", "memory.max=6442450944",
                "cpu.weight=137"));
    }

    @Test
    void qosTiersTakeTheBurstableRequestsAndTheMinimum() {
        List<PlannedGroup> v1 = planner(ControllerVersions.allV1()).planNode(NODE_PODS);
        List<PlannedGroup> v2 = planner(ControllerVersions.allV2()).planNode(NODE_PODS);

        // burstable: 250m + 100m = 350m → 358 shares → weight 1 + 356 × 9999 / 262142 = 14
        assertThat(v1.get(1).path()).isEqualTo("/kubepods/burstable");
        assertThat(v1.get(1).values()).containsExactlyEntriesOf(files("cpu.shares=358"));
        assertThat(v2.get(1).values()).containsExactlyEntriesOf(files("cpu.weight=14"));
        assertThat(v1.get(2).path()).isEqualTo("/kubepods/besteffort");
        assertThat(v1.get(2).values()).containsExactlyEntriesOf(files("cpu.shares=2"));
        assertThat(v2.get(2).values()).containsExactlyEntriesOf(files("cpu.weight=1"));
    }

    @Test
    void withoutBurstablePodsTheTierHasTheMinimumShares() {
        assertThat(planner(ControllerVersions.allV1()).planNode(List.of(GUARANTEED, BEST_EFFORT)).get(1).values())
                .containsExactlyEntriesOf(files("cpu.shares=2"));
    }

    @Test
    void podGroupsGoUnderTheirTierAndContainersUnderTheirPodInitContainersFirst() {
        Pod pod = pod("web", List.of(init("setup", rl("100m", ""), rl("", "")), sidecar("proxy", rl("50m", ""), rl("", ""))),
                List.of(regular("app", rl("250m", "64Mi"), rl("", ""))));
        PodPlan plan = planner(ControllerVersions.allV1()).plan(pod, List.of(pod));

        assertThat(plan.qosClass()).isEqualTo(QosClass.BURSTABLE);
        assertThat(plan.groups()).extracting(PlannedGroup::path).containsExactly("/kubepods", "/kubepods/burstable",
                "/kubepods/besteffort", "/kubepods/burstable/poduid-web", "/kubepods/burstable/poduid-web/setup",
                "/kubepods/burstable/poduid-web/proxy", "/kubepods/burstable/poduid-web/app");
        assertThat(plan.containers()).extracting(PlannedGroup::container).containsExactly("setup", "proxy", "app");
        assertThat(planner(ControllerVersions.allV1()).plan(GUARANTEED, NODE_PODS).podGroup().path())
                .isEqualTo("/kubepods/poduid-db");
        assertThat(planner(ControllerVersions.allV1()).plan(BEST_EFFORT, NODE_PODS).podGroup().path())
                .isEqualTo("/kubepods/besteffort/poduid-batch");
    }

    @ParameterizedTest(name = "cgroupRoot {0} → {1}")
    @CsvSource({"/, /kubepods", "'', /kubepods", "/custom, /custom/kubepods", "/custom/, /custom/kubepods",
            "/jcg-test-1/a, /jcg-test-1/a/kubepods"})
    void kubepodsGoesUnderTheCgroupRoot(String root, String kubepods) {
        KubeletConfig config = KubeTestPods.config(true, 100_000, Map.of(), root);
        assertThat(planner(ControllerVersions.allV2(), config).kubepodsPath()).isEqualTo(kubepods);
    }

    @Test
    void aPodMissingFromThePodsOnTheNodeIsCountedToo() {
        List<PlannedGroup> node = planner(ControllerVersions.allV1()).plan(BURSTABLE, List.of()).nodeGroups();
        assertThat(node.get(1).values()).containsExactlyEntriesOf(files("cpu.shares=256"));
    }

    // ---------------------------------------------------------------- MemoryQoS (v2 only)

    @Test
    void memoryQosSetsMinimaOnEveryLevelOnV2() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        KubeletCgroups planner = planner(ControllerVersions.allV2(), config);
        PodPlan web = planner.plan(BURSTABLE, NODE_PODS);

        // kubepods: Guaranteed 1Gi + Burstable (128Mi + 64Mi); burstable: 128Mi + 64Mi
        assertThat(web.groups().get(0).values()).containsEntry("memory.min", Long.toString((1024 + 192) * KubeTestPods.MiB));
        assertThat(web.groups().get(1).values()).containsExactlyEntriesOf(files("cpu.weight=14",
                "memory.min=" + 192 * KubeTestPods.MiB));
        assertThat(web.groups().get(2).values()).doesNotContainKey("memory.min");
        assertThat(web.podGroup().values()).containsExactlyEntriesOf(files("memory.max=268435456", "cpu.weight=10",
                "cpu.max=50000 100000", "memory.min=134217728"));
        // floor((128Mi + 0.9 × (256Mi − 128Mi)) / 4096) × 4096
        assertThat(web.container("web").values()).containsExactlyEntriesOf(files("memory.max=268435456",
                "cpu.weight=35", "cpu.max=50000 100000", "memory.high=255012864", "memory.min=134217728",
                "memory.oom.group=1", "memory.swap.max=0"));
    }

    @Test
    void memoryHighIsRoundedDownToWholePagesWithOddSizes() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        Pod pod = pod("odd", regular("odd", rl("", "100000001"), rl("", "200000003")));

        PlannedGroup c = planner(ControllerVersions.allV2(), config).plan(pod, List.of(pod)).container("odd");

        long expected = new BigDecimal("100000001").add(new BigDecimal("0.9").multiply(new BigDecimal(200000003 - 100000001)))
                .divide(BigDecimal.valueOf(4096), 0, RoundingMode.FLOOR).longValueExact() * 4096;
        assertThat(expected).isEqualTo(189_997_056L);
        assertThat(c.values()).containsEntry("memory.high", "189997056").containsEntry("memory.min", "100000001");
        assertThat(c.file("memory.high").orElseThrow().formula())
                .isEqualTo("MemoryQoS: floor((100000001 + 0.9 × (limit 200000003 − 100000001)) / 4096) × 4096 = 189997056");
    }

    @Test
    void memoryHighBelowOnePageIsNotWritten() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        // floor((1 + 0.9 × 4096) / 4096) = 0 pages
        Pod pod = pod("tiny", regular("tiny", rl("", "1"), rl("", "4097")));

        PlannedGroup c = planner(ControllerVersions.allV2(), config).plan(pod, List.of(pod)).container("tiny");

        assertThat(c.values()).doesNotContainKey("memory.high").containsEntry("memory.min", "1");
    }

    @Test
    void withoutALimitMemoryHighIsReckonedFromNodeAllocatable() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        PlannedGroup c = planner(ControllerVersions.allV2(), config).plan(BURSTABLE_REQUESTS_ONLY, NODE_PODS).container("log");

        // capacity 8Gi − systemReserved 1Gi − kubeReserved 512Mi = 6979321856
        long allocatable = 8 * KubeTestPods.GiB - KubeTestPods.GiB - 512 * KubeTestPods.MiB;
        long request = 64 * KubeTestPods.MiB;
        long expected = (long) Math.floor((request + 0.9 * (allocatable - request)) / 4096) * 4096;
        assertThat(c.values()).containsEntry("memory.high", Long.toString(expected)).containsEntry("memory.min",
                Long.toString(request));
    }

    @Test
    void guaranteedContainersGetAMinimumButNoHigh() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        PlannedGroup c = planner(ControllerVersions.allV2(), config).plan(GUARANTEED, NODE_PODS).container("db");

        assertThat(c.values()).containsEntry("memory.min", Long.toString(KubeTestPods.GiB)).doesNotContainKey("memory.high");
    }

    @Test
    void memoryQosWritesNothingOnV1() {
        KubeletConfig config = KubeTestPods.config(true, 100_000, MEMORY_QOS, "/");
        PodPlan plan = planner(ControllerVersions.allV1(), config).plan(BURSTABLE, NODE_PODS);

        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.values().keySet())
                .noneMatch(f -> f.startsWith("memory.") && !f.equals("memory.limit_in_bytes")));
    }

    // ---------------------------------------------------------------- mappings and layouts

    @Test
    void kubeletAndRuntimeConvertSharesDifferentlyByDefault() {
        PodPlan plan = planner(ControllerVersions.allV2()).plan(BURSTABLE, List.of(BURSTABLE));

        // 250m → 256 shares: the kubelet's linear weight 10 on the pod, runc's curve 35 on the container
        assertThat(plan.podGroup().file("cpu.weight").orElseThrow().value()).isEqualTo("10");
        assertThat(plan.container("web").file("cpu.weight").orElseThrow().formula()).endsWith("runc curve(256) = 35");
        assertThat(plan.podGroup().file("cpu.weight").orElseThrow().formula())
                .isEqualTo("pod CPU requests 250m: max(250m × 1024 / 1000, 2) = 256; kubelet linear 1 + (256 − 2) × 9999 / 262142 = 10");
    }

    @Test
    void oneMappingCanBeChosenForEveryLevel() {
        KubeletCgroups curve = new KubeletCgroups(node(KubeTestPods.config()), ControllerVersions.allV2(),
                SharesWeightMapping.RUNC_CURVE);
        KubeletCgroups linear = new KubeletCgroups(node(KubeTestPods.config()), ControllerVersions.allV2(),
                SharesWeightMapping.OCI_RANGE_LINEAR);

        assertThat(curve.plan(BURSTABLE, List.of()).podGroup().values()).containsEntry("cpu.weight", "35");
        assertThat(linear.plan(BURSTABLE, List.of()).container("web").values()).containsEntry("cpu.weight", "10");
    }

    @Test
    void aSplitHostSpellsEachControllerInItsOwnVersion() {
        ControllerVersions split = new ControllerVersions(CgroupVersion.V1, CgroupVersion.V2, CgroupVersion.V1);
        PodPlan plan = planner(split).plan(BURSTABLE, List.of(BURSTABLE));

        assertThat(plan.container("web").values()).containsExactlyEntriesOf(files("memory.max=268435456",
                "cpu.shares=256", "cpu.cfs_period_us=100000", "cpu.cfs_quota_us=50000", "memory.oom.group=1",
                "memory.swap.max=0"));
        assertThat(plan.nodeGroups().get(0).values()).containsExactlyEntriesOf(files("memory.max=6442450944",
                "cpu.shares=3584", "pids.max=4096"));
    }

    @Test
    void everyFileSaysHowItsValueCameAbout() {
        PodPlan plan = planner(ControllerVersions.allV1()).plan(BURSTABLE, NODE_PODS);

        assertThat(plan.container("web").file("cpu.shares").orElseThrow().formula())
                .isEqualTo("CPU request 250m: max(250m × 1024 / 1000, 2) = 256");
        assertThat(plan.container("web").file("cpu.cfs_quota_us").orElseThrow().formula())
                .isEqualTo("max(500m × 100000 / 1000, 1000) = 50000");
        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.files()).allSatisfy(f -> assertThat(f.formula()).isNotBlank()));
    }

    // ---------------------------------------------------------------- refused configurations

    @Test
    void aCustomPeriodNeedsItsFeatureGate() {
        KubeletConfig config = KubeTestPods.config(true, 5_000, Map.of(), "/");
        assertThatThrownBy(() -> new KubeletCgroups(node(config), ControllerVersions.allV1()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpuCFSQuotaPeriod 5000µs requires the feature gate CustomCPUCFSQuotaPeriod; enable it in"
                        + " featureGates or leave the period at 100ms");
    }

    @Test
    void aPeriodOutsideOneMillisecondToOneSecondIsRefused() {
        KubeletConfig config = KubeTestPods.config(true, 999, TUNED_PERIOD, "/");
        assertThatThrownBy(() -> new KubeletCgroups(node(config), ControllerVersions.allV1()))
                .hasMessageContaining("between 1ms and 1s");
    }

    @Test
    void withoutCgroupsPerQosThereIsNothingToPlan() {
        KubeletConfig c = KubeTestPods.config();
        KubeletConfig off = new KubeletConfig(c.systemReserved(), c.kubeReserved(), c.evictionHardMemoryAvailable(),
                c.enforceNodeAllocatable(), true, 100_000, 0.9, Map.of(), "/", false, 110);
        Node node = node(off);
        assertThatThrownBy(() -> new KubeletCgroups(node, ControllerVersions.allV2()))
                .hasMessageStartingWith("cgroupsPerQOS is false");
    }

    @Test
    void askingForAContainerThePodLacksNamesTheOnesItHas() {
        PodPlan plan = planner(ControllerVersions.allV1()).plan(BURSTABLE, List.of());
        assertThatThrownBy(() -> plan.container("nope")).hasMessage("pod web has no container 'nope'; its containers are web");
    }
}
