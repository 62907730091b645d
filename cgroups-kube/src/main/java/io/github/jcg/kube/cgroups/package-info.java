/**
 * The cgroups the kubelet (cgroupfs driver) creates for a pod, with its exact values on v1 and v2 and the formula each comes from: planned, applied and removed.
 */
package io.github.jcg.kube.cgroups;
