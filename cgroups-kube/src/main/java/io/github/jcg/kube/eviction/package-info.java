/**
 * The kubelet's eviction order under memory pressure, over live usage.
 */
package io.github.jcg.kube.eviction;
