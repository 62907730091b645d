/**
 * Kubernetes resource quantities, the pod, LimitRange and ResourceQuota manifests, QoS classes and a
 * pod's effective requests and limits.
 */
package io.github.jcg.kube;
