package io.github.jcg.cli.kube;

import io.github.jcg.core.limit.SharesWeightMapping;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What every {@code jcg kube} command needs to know about the node it plays the kubelet of: the
 * kubelet's configuration, where its cgroups go, where jcg remembers the admitted pods, and the
 * shares-to-weight formula on cgroup v2.
 */
public final class KubeOptions {
    /** Where the admitted pods, LimitRanges and ResourceQuotas are kept between commands. */
    static final Path DEFAULT_STATE_DIR = Path.of("/run/jcg/kube");

    @Option(names = "--kubelet-config", paramLabel = "FILE",
            description = "A KubeletConfiguration (YAML or JSON): systemReserved, kubeReserved, evictionHard, "
                    + "enforceNodeAllocatable, cpuCFSQuota, cpuCFSQuotaPeriod, memoryThrottlingFactor, featureGates, "
                    + "cgroupRoot. Default: the kubelet's defaults.")
    Path kubeletConfig;

    @Option(names = "--cgroup-root", paramLabel = "PATH",
            description = "The group kubepods goes under, instead of the configuration's cgroupRoot (default /).")
    String cgroupRoot;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where jcg keeps the node's admitted pods, LimitRanges and ResourceQuotas "
                    + "(default: ${DEFAULT-VALUE}, gone at reboot like the groups).")
    Path stateDir = DEFAULT_STATE_DIR;

    @Option(names = "--weight-formula", paramLabel = "NAME",
            description = "cgroup v2: how the container runtime turns a container's CPU shares into cpu.weight: runc-curve "
                    + "(runc 1.3 and later, the default) or oci-linear (1 + (shares - 2) x 9999 / 262142: older runc, "
                    + "crun). The kubelet's own groups (kubepods, QoS, pod) always use the linear formula, as it does.")
    String weightFormula;

    /** @return the chosen shares-to-weight formula */
    SharesWeightMapping mapping() {
        if (weightFormula == null) {
            return SharesWeightMapping.RUNC_CURVE;
        }
        switch (weightFormula.toLowerCase(Locale.ROOT)) {
            case "runc-curve":
                return SharesWeightMapping.RUNC_CURVE;
            case "oci-linear":
                return SharesWeightMapping.OCI_RANGE_LINEAR;
            default:
                throw new IllegalArgumentException("unknown --weight-formula '" + weightFormula
                        + "'; use runc-curve or oci-linear");
        }
    }

    /** @return the --cgroup-root given, if any */
    Optional<String> cgroupRoot() {
        return Optional.ofNullable(cgroupRoot);
    }
}
