package io.github.jcg.kube.cgroups;

/** What a planned group is in the kubelet's hierarchy (cgroupfs driver, cgroupsPerQOS true). */
public enum GroupRole {
    /** {@code <cgroupRoot>/kubepods}: node Allocatable, and the Guaranteed QoS tier itself. */
    KUBEPODS,
    /** {@code kubepods/burstable} or {@code kubepods/besteffort}. */
    QOS,
    /** {@code pod<uid>}, directly under kubepods (Guaranteed) or under its QoS tier. */
    POD,
    /** A container's group under its pod's, made by the container runtime. */
    CONTAINER
}
