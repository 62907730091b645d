package io.github.jcg.kube.admission;

import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.ResourceQuota;

/**
 * One ResourceQuota and its {@code status.used} once the pod is admitted.
 *
 * @param quota the quota
 * @param used  for each resource of {@code spec.hard} that pods consume, the sum over the
 *              namespace's existing pods plus the admitted one; resources that pods do not
 *              consume ({@code services}, {@code secrets} ...) are left out
 */
public record QuotaUsage(ResourceQuota quota, ResourceList used) {
}
