/**
 * The node: its Capacity, read from the host, and its Allocatable, from the kubelet's configuration.
 */
package io.github.jcg.kube.node;
