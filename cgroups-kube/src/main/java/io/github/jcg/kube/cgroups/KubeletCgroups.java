package io.github.jcg.kube.cgroups;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.PodResources;
import io.github.jcg.kube.QosClass;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans the cgroups the kubelet (cgroupfs driver, {@code cgroupsPerQOS: true}) and its container
 * runtime (runc, through containerd or CRI-O) make for a pod, with the exact value of every file
 * and the formula it came from. Pure: nothing is read from or written to a host.
 *
 * <p>Followed: kubernetes/kubernetes at the version whose sources carry
 * {@code ResourceConfigForPod(pod, enforceCPULimits, cpuPeriod, enforceMemoryQoS)} with the
 * {@code PodLevelResources} gate and {@code MaxShares} (pkg/kubelet/cm/helpers_linux.go),
 * {@code calculateLinuxResources(cpuRequest, cpuLimit, memoryLimit, disableCPUQuota)}
 * (pkg/kubelet/kuberuntime/kuberuntime_container_linux.go) and opencontainers/cgroups: the
 * v1.33/v1.34 line. Its unit-test tables (helpers_linux_test.go, kuberuntime_container_linux_test.go)
 * are ported in this module's tests. Later development on master (a MemoryReservationPolicy that
 * writes {@code memory.low}, pod-level {@code memory.high}) is not followed: MemoryQoS is alpha.
 *
 * <h2>Formulas</h2>
 * <ul>
 * <li>shares = min(max(milliCPU × 1024 / 1000, 2), 262144); 0 → 2
 *     ({@link #milliCpuToShares});</li>
 * <li>quota = max(milliCPU × period / 1000, 1000) µs; 0 → unset ({@link #milliCpuToQuota}); the
 *     period is 100000 µs, or {@code cpuCFSQuotaPeriod} with the {@code CustomCPUCFSQuotaPeriod}
 *     gate;</li>
 * <li>kubepods: shares from the enforced Allocatable CPU, {@code memory.limit_in_bytes} /
 *     {@code memory.max} = the enforced Allocatable memory, {@code pids.max} = its {@code pid}
 *     (node_container_manager_linux.go {@code getCgroupConfig});</li>
 * <li>burstable: shares from the sum of the Burstable pods' CPU requests; besteffort: 2
 *     (qos_container_manager_linux.go);</li>
 * <li>pod: shares from the pod's requests; a quota when it is Guaranteed or every container has
 *     a CPU limit, −1 with {@code cpuCFSQuota: false}; a memory limit when it is Guaranteed or
 *     every container has one; BestEffort: shares 2 only ({@code ResourceConfigForPod});</li>
 * <li>container: shares from the CPU request (from the limit when no request is given); with
 *     {@code cpuCFSQuota} always a period, and a quota when there is a limit; the memory limit
 *     ({@code calculateLinuxResources});</li>
 * <li>v2 {@code cpu.weight}: the kubelet converts kubepods', QoS and pod shares itself, linearly:
 *     {@code 1 + (shares − 2) × 9999 / 262142} ({@code getCPUWeight} in cgroup_manager_linux.go,
 *     {@link SharesWeightMapping#OCI_RANGE_LINEAR}); a container's shares go to runc, which since
 *     1.3 converts them with its curve ({@link SharesWeightMapping#RUNC_CURVE});</li>
 * <li>v2 {@code cpu.max}: "quota period", "max period" without a quota (runc fs2);</li>
 * <li>v2 MemoryQoS (gate {@code MemoryQoS}): {@code memory.min} = the memory request (container,
 *     pod), the sum of Burstable requests (burstable), the sum of Guaranteed and Burstable requests
 *     (kubepods); a container's {@code memory.high} = floor((request + factor × (limit −
 *     request)) / 4096) × 4096, with node Allocatable (capacity − reserved) for a missing limit,
 *     written only when it is above the request and the request differs from the limit;</li>
 * <li>v2 container defaults: {@code memory.oom.group} 1 ({@code singleProcessOOMKill} defaults to
 *     false on v2), {@code memory.swap.max} 0 (swap behaviour NoSwap, the default).</li>
 * </ul>
 * Not planned: hugetlb limits (the QoS tiers' "unbounded" and per-size limits), the pod sandbox
 * (pause) container's group, v1 {@code memory.memsw.limit_in_bytes} (NoSwap on a v1 host with swap
 * accounting), {@code podPidsLimit}, {@code qosReserved}, pod-level resources
 * ({@code spec.resources}) and DRA claims.
 */
public final class KubeletCgroups {
    /** The kernel's least {@code cpu.shares}; what a zero request gets. */
    public static final long MIN_SHARES = 2;
    /** The kernel's largest {@code cpu.shares}. */
    public static final long MAX_SHARES = 262144;
    /** Shares for one CPU. */
    public static final long SHARES_PER_CPU = 1024;
    /** The CFS period the kubelet uses unless configured otherwise, in µs (100 ms). */
    public static final long DEFAULT_PERIOD_MICROS = 100_000;
    /** The least quota the kubelet writes, in µs (1 ms). */
    public static final long MIN_QUOTA_MICROS = 1000;
    /** The page size {@code memory.high} is rounded down to (x86-64 and arm64 with 4K pages). */
    public static final long PAGE_SIZE = 4096;
    /** The feature gate that turns on MemoryQoS (cgroup v2 only). */
    public static final String MEMORY_QOS = "MemoryQoS";
    /** The feature gate without which {@code cpuCFSQuotaPeriod} must stay 100 ms. */
    public static final String CUSTOM_CPU_CFS_QUOTA_PERIOD = "CustomCPUCFSQuotaPeriod";
    /** How the kubelet turns shares into weight for kubepods, QoS and pod groups. */
    public static final SharesWeightMapping KUBELET_MAPPING = SharesWeightMapping.OCI_RANGE_LINEAR;
    /** How runc (1.3 and later) turns a container's shares into weight. */
    public static final SharesWeightMapping RUNTIME_MAPPING = SharesWeightMapping.RUNC_CURVE;

    private static final String PID = "pid";

    private final Node node;
    private final ControllerVersions versions;
    private final SharesWeightMapping kubeletMapping;
    private final SharesWeightMapping runtimeMapping;
    private final KubeletConfig config;
    private final long periodMicros;
    private final boolean memoryQos;

    /**
     * A planner that converts shares to weight as the kubelet ({@link #KUBELET_MAPPING}) and runc
     * ({@link #RUNTIME_MAPPING}) really do.
     *
     * @param node     the node: its capacity, enforced Allocatable and kubelet configuration
     * @param versions where each controller lives
     * @throws IllegalArgumentException when the configuration is one the kubelet refuses (see
     *                                  {@link #KubeletCgroups(Node, ControllerVersions, SharesWeightMapping, SharesWeightMapping)})
     */
    public KubeletCgroups(Node node, ControllerVersions versions) {
        this(node, versions, KUBELET_MAPPING, RUNTIME_MAPPING);
    }

    /**
     * A planner that converts shares to weight with one formula at every level, to see what
     * another runtime (crun, runc before 1.3: {@link SharesWeightMapping#OCI_RANGE_LINEAR}) or a
     * future kubelet would write.
     *
     * @param node     the node
     * @param versions where each controller lives
     * @param mapping  the conversion for kubepods, QoS, pod and container groups alike
     * @throws IllegalArgumentException when the configuration is one the kubelet refuses
     */
    public KubeletCgroups(Node node, ControllerVersions versions, SharesWeightMapping mapping) {
        this(node, versions, mapping, mapping);
    }

    /**
     * A planner with a conversion for the kubelet's own groups and another for the runtime's.
     *
     * @param node           the node
     * @param versions       where each controller lives
     * @param kubeletMapping shares → weight for kubepods, QoS and pod groups
     * @param runtimeMapping shares → weight for container groups
     * @throws IllegalArgumentException when {@code cgroupsPerQOS} is false (no kubepods, QoS or
     *                                  pod groups are made then), or {@code cpuCFSQuotaPeriod} is
     *                                  outside 1 ms … 1 s or not 100 ms without the
     *                                  {@code CustomCPUCFSQuotaPeriod} gate (the kubelet's
     *                                  validation refuses both), or the throttling factor is
     *                                  outside (0, 1]
     */
    public KubeletCgroups(Node node, ControllerVersions versions, SharesWeightMapping kubeletMapping,
                          SharesWeightMapping runtimeMapping) {
        this.node = Objects.requireNonNull(node, "node");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.kubeletMapping = Objects.requireNonNull(kubeletMapping, "kubeletMapping");
        this.runtimeMapping = Objects.requireNonNull(runtimeMapping, "runtimeMapping");
        this.config = node.config();
        if (!config.cgroupsPerQos()) {
            throw new IllegalArgumentException("cgroupsPerQOS is false: the kubelet then makes no kubepods, QoS or"
                    + " pod groups; set cgroupsPerQOS: true to plan them");
        }
        long period = config.cpuCfsQuotaPeriodMicros();
        if (period < 1000 || period > 1_000_000) {
            throw new IllegalArgumentException("cpuCFSQuotaPeriod must be between 1ms and 1s (got " + period
                    + "µs)");
        }
        if (period != DEFAULT_PERIOD_MICROS && !config.enabled(CUSTOM_CPU_CFS_QUOTA_PERIOD)) {
            throw new IllegalArgumentException("cpuCFSQuotaPeriod " + period + "µs requires the feature gate "
                    + CUSTOM_CPU_CFS_QUOTA_PERIOD + "; enable it in featureGates or leave the period at 100ms");
        }
        double factor = config.memoryThrottlingFactor();
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("memoryThrottlingFactor must be above 0 and at most 1 (got " + factor + ")");
        }
        this.periodMicros = period;
        this.memoryQos = config.enabled(MEMORY_QOS) && versions.memory() == CgroupVersion.V2;
    }

    // ---------------------------------------------------------------- the kubelet's helpers

    /**
     * The kubelet's {@code MilliCPUToShares}.
     *
     * @param milliCpu CPU in millicores
     * @return {@code milliCpu × 1024 / 1000}, at least 2 and at most 262144 (0 and negatives give 2)
     */
    public static long milliCpuToShares(long milliCpu) {
        if (milliCpu <= 0) {
            return MIN_SHARES;
        }
        long shares = Math.multiplyExact(milliCpu, SHARES_PER_CPU) / 1000;
        return Math.min(Math.max(shares, MIN_SHARES), MAX_SHARES);
    }

    /**
     * The kubelet's {@code MilliCPUToQuota}.
     *
     * @param milliCpu     a CPU limit in millicores
     * @param periodMicros the CFS period in µs
     * @return {@code milliCpu × period / 1000} µs, at least 1000; 0 (no quota) for no limit
     */
    public static long milliCpuToQuota(long milliCpu, long periodMicros) {
        if (milliCpu == 0) {
            return 0;
        }
        return Math.max(Math.multiplyExact(milliCpu, periodMicros) / 1000, MIN_QUOTA_MICROS);
    }

    // ---------------------------------------------------------------- plans

    /**
     * Plans a pod's groups as they stand once it is admitted.
     *
     * @param pod        the pod, after defaulting
     * @param podsOnNode every pod admitted to the node, this one included (it is added when
     *                   missing, matched by uid): the burstable tier's shares and the MemoryQoS
     *                   sums depend on them
     * @return kubepods, the QoS tiers, the pod group, then one group per container
     */
    public PodPlan plan(Pod pod, List<Pod> podsOnNode) {
        List<Pod> all = new ArrayList<>(podsOnNode);
        if (all.stream().noneMatch(p -> p.uid().equals(pod.uid()))) {
            all.add(pod);
        }
        QosClass qos = QosClass.of(pod);
        List<PlannedGroup> groups = new ArrayList<>(planNode(all));
        String podPath = podPath(pod, qos);
        groups.add(new PlannedGroup(podPath, GroupRole.POD, "", podFiles(pod, qos)));
        for (Container c : pod.allContainers()) {
            groups.add(new PlannedGroup(podPath + "/" + c.name(), GroupRole.CONTAINER, c.name(), containerFiles(c)));
        }
        return new PodPlan(pod, qos, groups);
    }

    /**
     * Plans the node's groups alone: what the kubelet writes to kubepods and the QoS tiers for a
     * set of pods, such as after one is deleted.
     *
     * @param podsOnNode every pod admitted to the node
     * @return kubepods, {@code kubepods/burstable}, {@code kubepods/besteffort}
     */
    public List<PlannedGroup> planNode(List<Pod> podsOnNode) {
        long burstableMilli = 0;
        long guaranteedMemory = 0;
        long burstableMemory = 0;
        for (Pod p : podsOnNode) {
            QosClass qos = QosClass.of(p);
            ResourceList requests = PodResources.requests(p);
            if (qos == QosClass.BURSTABLE) {
                burstableMilli += requests.get(ResourceList.CPU).map(Quantity::milliValue).orElse(0L);
                burstableMemory += requests.get(ResourceList.MEMORY).map(Quantity::value).orElse(0L);
            } else if (qos == QosClass.GUARANTEED) {
                guaranteedMemory += requests.get(ResourceList.MEMORY).map(Quantity::value).orElse(0L);
            }
        }
        String kubepods = kubepodsPath();
        return List.of(
                new PlannedGroup(kubepods, GroupRole.KUBEPODS, "", kubepodsFiles(guaranteedMemory + burstableMemory,
                        guaranteedMemory, burstableMemory)),
                new PlannedGroup(kubepods + "/burstable", GroupRole.QOS, "", burstableFiles(burstableMilli, burstableMemory)),
                new PlannedGroup(kubepods + "/besteffort", GroupRole.QOS, "",
                        cpuFiles(kubeletMapping, MIN_SHARES, "BestEffort tier: the minimum, 2", Optional.empty(), 0)));
    }

    /** @return {@code <cgroupRoot>/kubepods} */
    public String kubepodsPath() {
        String root = config.cgroupRoot() == null ? "" : config.cgroupRoot().strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        if (!root.isEmpty() && !root.startsWith("/")) {
            root = "/" + root;
        }
        return root + "/kubepods";
    }

    /**
     * @param pod a pod
     * @param qos its QoS class
     * @return its group: {@code kubepods/pod<uid>} for Guaranteed, else under its QoS tier
     */
    public String podPath(Pod pod, QosClass qos) {
        String parent = switch (qos) {
            case GUARANTEED -> kubepodsPath();
            case BURSTABLE -> kubepodsPath() + "/burstable";
            case BEST_EFFORT -> kubepodsPath() + "/besteffort";
        };
        return parent + "/pod" + pod.uid();
    }

    // ---------------------------------------------------------------- levels

    private List<PlannedFile> kubepodsFiles(long qosMemoryMin, long guaranteedMemory, long burstableMemory) {
        ResourceList enforced = node.enforcedAllocatable();
        List<PlannedFile> files = new ArrayList<>();
        Optional<Quantity> pids = enforced.get(PID);
        if (pids.isPresent() && versions.pids() == CgroupVersion.V2) {
            files.add(pidsFile(pids.get()));
        }
        Optional<Quantity> memory = enforced.get(ResourceList.MEMORY);
        memory.ifPresent(m -> files.add(memoryLimit(m.value(), "enforced Allocatable memory " + m
                + " = " + m.value())));
        Optional<Quantity> cpu = enforced.get(ResourceList.CPU);
        if (cpu.isPresent()) {
            long milli = cpu.get().milliValue();
            files.addAll(cpuFiles(kubeletMapping, milliCpuToShares(milli), sharesFormula("enforced Allocatable CPU ",
                    milli), Optional.empty(), 0));
        }
        if (pids.isPresent() && versions.pids() == CgroupVersion.V1) {
            files.add(pidsFile(pids.get()));
        }
        if (memoryQos && qosMemoryMin > 0) {
            files.add(new PlannedFile("memory.min", Long.toString(qosMemoryMin), "MemoryQoS: Guaranteed requests "
                    + guaranteedMemory + " + Burstable requests " + burstableMemory + " = " + qosMemoryMin));
        }
        return files;
    }

    private List<PlannedFile> burstableFiles(long milli, long memory) {
        List<PlannedFile> files = new ArrayList<>(cpuFiles(kubeletMapping, milliCpuToShares(milli),
                sharesFormula("Burstable pods' CPU requests ", milli), Optional.empty(), 0));
        if (memoryQos && memory > 0) {
            files.add(new PlannedFile("memory.min", Long.toString(memory), "MemoryQoS: Burstable pods' memory requests = "
                    + memory));
        }
        return files;
    }

    private List<PlannedFile> podFiles(Pod pod, QosClass qos) {
        List<PlannedFile> files = new ArrayList<>();
        if (qos == QosClass.BEST_EFFORT) {
            files.addAll(cpuFiles(kubeletMapping, MIN_SHARES, "BestEffort pod: the minimum, 2", Optional.empty(), 0));
            return files;
        }
        ResourceList requests = PodResources.requests(pod);
        ResourceList limits = PodResources.limits(pod);
        long cpuRequest = requests.get(ResourceList.CPU).map(Quantity::milliValue).orElse(0L);
        long cpuLimit = limits.get(ResourceList.CPU).map(Quantity::milliValue).orElse(0L);
        long memoryLimit = limits.get(ResourceList.MEMORY).map(Quantity::value).orElse(0L);
        boolean guaranteed = qos == QosClass.GUARANTEED;
        boolean quota = guaranteed || PodResources.everyContainerLimits(pod, ResourceList.CPU);
        boolean memory = guaranteed || PodResources.everyContainerLimits(pod, ResourceList.MEMORY);
        if (memory) {
            files.add(memoryLimit(memoryLimit, "pod memory limits (overhead included) = " + memoryLimit));
        }
        long shares = milliCpuToShares(cpuRequest);
        Optional<Long> quotaMicros = Optional.empty();
        String quotaFormula = "";
        if (quota) {
            if (config.cpuCfsQuota()) {
                quotaMicros = Optional.of(milliCpuToQuota(cpuLimit, periodMicros));
                quotaFormula = quotaFormula(cpuLimit, quotaMicros.get());
            } else {
                quotaMicros = Optional.of(-1L);
                quotaFormula = "cpuCFSQuota false: −1, no quota";
            }
        }
        files.addAll(cpuFiles(kubeletMapping, shares, sharesFormula("pod CPU requests ", cpuRequest),
                quotaMicros, quota ? periodMicros : 0, quotaFormula));
        if (memoryQos) {
            long min = requests.get(ResourceList.MEMORY).map(Quantity::value).orElse(0L);
            if (min > 0) {
                files.add(new PlannedFile("memory.min", Long.toString(min), "MemoryQoS: pod memory requests = " + min));
            }
        }
        return files;
    }

    private List<PlannedFile> containerFiles(Container c) {
        List<PlannedFile> files = new ArrayList<>();
        Optional<Quantity> cpuRequest = c.requests().get(ResourceList.CPU);
        long cpuLimit = c.limits().cpu().milliValue();
        long memoryLimit = c.limits().memory().value();
        long shares;
        String sharesFormula;
        if (cpuRequest.isEmpty()) {
            shares = milliCpuToShares(cpuLimit);
            sharesFormula = sharesFormula("no CPU request, the limit ", cpuLimit);
        } else {
            shares = milliCpuToShares(cpuRequest.get().milliValue());
            sharesFormula = sharesFormula("CPU request ", cpuRequest.get().milliValue());
        }
        if (memoryLimit != 0) {
            files.add(memoryLimit(memoryLimit, "limits.memory " + c.limits().memory() + " = " + memoryLimit));
        }
        Optional<Long> quota = Optional.empty();
        String quotaFormula = "";
        long period = 0;
        if (config.cpuCfsQuota()) {
            period = periodMicros;
            long q = milliCpuToQuota(cpuLimit, periodMicros);
            if (q != 0) {
                quota = Optional.of(q);
                quotaFormula = quotaFormula(cpuLimit, q);
            }
        }
        files.addAll(cpuFiles(runtimeMapping, shares, sharesFormula, quota, period, quotaFormula));
        if (versions.memory() == CgroupVersion.V2) {
            files.addAll(unifiedFiles(c));
        }
        return files;
    }

    /** The container's v2-only files, in name order (the kubelet hands runc an unordered map). */
    private List<PlannedFile> unifiedFiles(Container c) {
        TreeMap<String, PlannedFile> unified = new TreeMap<>();
        unified.put("memory.oom.group", new PlannedFile("memory.oom.group", "1",
                "singleProcessOOMKill false (the v2 default): kill the whole container on OOM"));
        unified.put("memory.swap.max", new PlannedFile("memory.swap.max", "0",
                "swap behaviour NoSwap (the default): no swap"));
        if (memoryQos) {
            long request = c.requests().memory().value();
            long limit = c.limits().memory().value();
            if (request != 0) {
                unified.put("memory.min", new PlannedFile("memory.min", Long.toString(request),
                        "MemoryQoS: requests.memory = " + request));
            }
            if (request != limit) {
                memoryHigh(request, limit).ifPresent(f -> unified.put(f.name(), f));
            }
        }
        return new ArrayList<>(unified.values());
    }

    private Optional<PlannedFile> memoryHigh(long request, long limit) {
        double factor = config.memoryThrottlingFactor();
        long ceiling = limit;
        String ceilingName = "limit";
        if (limit == 0) {
            ceiling = allocatableAbsoluteMemory();
            ceilingName = "node allocatable";
            if (ceiling <= 0) {
                return Optional.empty();
            }
        }
        long high = (long) Math.floor((request + (ceiling - (double) request) * factor) / PAGE_SIZE) * PAGE_SIZE;
        if (high == 0 || high <= request) {
            return Optional.empty();
        }
        return Optional.of(new PlannedFile("memory.high", Long.toString(high), "MemoryQoS: floor((" + request + " + "
                + factor + " × (" + ceilingName + " " + ceiling + " − " + request + ")) / " + PAGE_SIZE + ") × "
                + PAGE_SIZE + " = " + high));
    }

    /** The kubelet's {@code GetNodeAllocatableAbsolute} memory: capacity less both reservations. */
    private long allocatableAbsoluteMemory() {
        long capacity = node.capacity().memory().value();
        long reserved = config.systemReserved().memory().value() + config.kubeReserved().memory().value();
        return Math.max(capacity - reserved, 0);
    }

    // ---------------------------------------------------------------- files

    private PlannedFile memoryLimit(long bytes, String formula) {
        String name = versions.memory() == CgroupVersion.V2 ? "memory.max" : "memory.limit_in_bytes";
        return new PlannedFile(name, Long.toString(bytes), formula);
    }

    private static PlannedFile pidsFile(Quantity pids) {
        return new PlannedFile("pids.max", Long.toString(pids.value()), "enforced Allocatable pid = " + pids.value());
    }

    private List<PlannedFile> cpuFiles(SharesWeightMapping mapping, long shares, String sharesFormula,
                                       Optional<Long> quota, long period) {
        return cpuFiles(mapping, shares, sharesFormula, quota, period, "");
    }

    /**
     * The cpu controller's files as runc writes them: on v1 shares, then the period, then the
     * quota (a zero quota is not written); on v2 the weight, then {@code cpu.max} when a quota
     * or a period is set.
     */
    private List<PlannedFile> cpuFiles(SharesWeightMapping mapping, long shares, String sharesFormula,
                                       Optional<Long> quota, long period, String quotaFormula) {
        List<PlannedFile> files = new ArrayList<>();
        if (versions.cpu() == CgroupVersion.V1) {
            files.add(new PlannedFile("cpu.shares", Long.toString(shares), sharesFormula));
            if (period != 0) {
                files.add(new PlannedFile("cpu.cfs_period_us", Long.toString(period), periodFormula()));
            }
            if (quota.isPresent() && quota.get() != 0) {
                files.add(new PlannedFile("cpu.cfs_quota_us", Long.toString(quota.get()), quotaFormula));
            }
            return files;
        }
        long weight = mapping.sharesToWeight(shares);
        files.add(new PlannedFile("cpu.weight", Long.toString(weight), sharesFormula + "; "
                + weightFormula(mapping, shares, weight)));
        boolean hasQuota = quota.isPresent() && quota.get() != 0;
        if (hasQuota || period != 0) {
            String max = (hasQuota && quota.get() > 0 ? Long.toString(quota.get()) : "max")
                    + (period != 0 ? " " + period : "");
            files.add(new PlannedFile("cpu.max", max, (hasQuota ? quotaFormula : "no CPU limit: max")
                    + (period != 0 ? "; " + periodFormula() : "")));
        }
        return files;
    }

    private String periodFormula() {
        return periodMicros == DEFAULT_PERIOD_MICROS ? "period 100000 µs (100 ms)"
                : "period cpuCFSQuotaPeriod = " + periodMicros + " µs";
    }

    private static String sharesFormula(String what, long milli) {
        long shares = milliCpuToShares(milli);
        if (milli <= 0) {
            return what + milli + "m → the minimum, 2";
        }
        long raw = Math.multiplyExact(milli, SHARES_PER_CPU) / 1000;
        String base = "max(" + milli + "m × 1024 / 1000, 2)";
        return what + milli + "m: " + (raw > MAX_SHARES ? "min(" + base + ", 262144)" : base) + " = " + shares;
    }

    private String quotaFormula(long milli, long quota) {
        return "max(" + milli + "m × " + periodMicros + " / 1000, 1000) = " + quota;
    }

    private static String weightFormula(SharesWeightMapping mapping, long shares, long weight) {
        return switch (mapping) {
            case OCI_RANGE_LINEAR -> "kubelet linear 1 + (" + shares + " − 2) × 9999 / 262142 = " + weight;
            case RUNC_CURVE -> "runc curve(" + shares + ") = " + weight;
            case LIBCGROUP_LINEAR -> "libcgroup linear " + shares + " × 100 / 1024 = " + weight;
        };
    }
}
