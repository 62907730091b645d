package io.github.jcg.kube.admission;

import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.ResourceQuota;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The admission of a pod as the API server does it on create, over a namespace's LimitRanges
 * and ResourceQuotas, with the API server's messages:
 * <ol>
 * <li>LimitRanger defaulting: each LimitRange's {@code Container} items, themselves defaulted as
 * the API server stores them ({@code default} from {@code max}, {@code defaultRequest} from
 * {@code default}, then from {@code min}), give every container the default limits and requests
 * it does not name;</li>
 * <li>pod validation: no negative amounts, every request at most its limit
 * ({@code Pod "web" is invalid: ...});</li>
 * <li>LimitRanger validation: {@code min}, {@code max} and {@code maxLimitRequestRatio} of the
 * {@code Container} items on each container, of the {@code Pod} items on the pod's summed
 * requests and limits ({@code pods "web" is forbidden: ...});</li>
 * <li>ResourceQuota: every quota must see cpu and memory named where it tracks them, and the
 * namespace's usage plus the pod's must stay within {@code spec.hard}.</li>
 * </ol>
 * Only the LimitRanges and ResourceQuotas of the pod's namespace apply. The pod must arrive
 * already defaulted as the API server decodes it (a request equal to the limit where only a
 * limit was given), as the manifest reader gives it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Admission {
    private final List<LimitRange> limitRanges;
    private final List<ResourceQuota> quotas;

    private Admission(List<LimitRange> limitRanges, List<ResourceQuota> quotas) {
        this.limitRanges = limitRanges;
        this.quotas = quotas;
    }

    /**
     * @param limitRanges the LimitRanges of the cluster, as written; any namespace
     * @param quotas      the ResourceQuotas of the cluster; any namespace
     * @return an admission over them, in the order given (the order of the API server's cache,
     *         which decides which error is reported when several objects would refuse a pod)
     */
    public static Admission of(List<LimitRange> limitRanges, List<ResourceQuota> quotas) {
        List<LimitRange> defaulted = new ArrayList<>();
        for (LimitRange limitRange : limitRanges) {
            defaulted.add(LimitRanger.withApiDefaults(limitRange));
        }
        return new Admission(List.copyOf(defaulted), List.copyOf(quotas));
    }

    /**
     * Admits a pod, or says why the API server would not.
     *
     * @param pod          the pod being created, API-defaulted
     * @param existingPods the pods already in the cluster; those of the pod's namespace count
     *                     against its quotas. One with the pod's own namespace and name is
     *                     skipped, so that a caller may pass every pod of a manifest set.
     * @return the pod as it would be stored, and each quota's usage after it
     * @throws AdmissionException with the API server's message when it would refuse the pod
     */
    public Admitted admit(Pod pod, List<Pod> existingPods) {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(existingPods, "existingPods");
        List<LimitRange> ranges = limitRanges.stream()
                .filter(r -> r.namespace().equals(pod.namespace())).toList();

        Pod defaulted = pod;
        String annotation = "";
        for (LimitRange range : ranges) {
            LimitRanger.Defaulted result = LimitRanger.mutate(range, defaulted);
            defaulted = result.pod();
            // each pass rewrites the annotation, so the last one that set anything shows
            if (!result.annotation().isEmpty()) {
                annotation = result.annotation();
            }
        }

        List<String> invalid = PodValidation.validate(defaulted);
        if (!invalid.isEmpty()) {
            throw ApiErrors.invalid(pod.name(), invalid);
        }

        for (LimitRange range : ranges) {
            List<String> errors = LimitRanger.validate(range, defaulted);
            if (!errors.isEmpty()) {
                throw ApiErrors.forbidden(pod.name(), ApiErrors.aggregate(errors));
            }
        }

        return new Admitted(defaulted, annotation, chargeQuotas(defaulted, existingPods));
    }

    /** CheckRequest of the quota admission controller, for a create. */
    private List<QuotaUsage> chargeQuotas(Pod pod, List<Pod> existingPods) {
        List<ResourceQuota> inNamespace = quotas.stream()
                .filter(q -> q.namespace().equals(pod.namespace())).toList();
        if (inNamespace.isEmpty()) {
            return List.of();
        }
        List<ResourceQuota> interesting = new ArrayList<>();
        for (ResourceQuota quota : inNamespace) {
            Set<String> restricted = PodQuota.matchingResources(quota.hard());
            if (restricted.isEmpty()) {
                continue;
            }
            String missing = PodQuota.missingRequirements(restricted, pod);
            if (missing != null) {
                throw ApiErrors.forbidden(pod.name(), "failed quota: " + quota.name() + ": " + missing);
            }
            interesting.add(quota);
        }

        ResourceList usage = PodQuota.usage(pod);
        Set<String> negative = new TreeSet<>();
        usage.entries().forEach((name, q) -> {
            if (q.signum() < 0) {
                negative.add(name);
            }
        });
        if (!negative.isEmpty()) {
            throw ApiErrors.forbidden(pod.name(),
                    "quota usage is negative for resource(s): " + String.join(",", negative));
        }

        List<QuotaUsage> result = new ArrayList<>();
        for (ResourceQuota quota : interesting) {
            Set<String> tracked = PodQuota.matchingResources(quota.hard());
            ResourceList used = used(tracked, pod, existingPods);
            // zero amounts neither charge nor get checked
            Map<String, Quantity> requested = new TreeMap<>();
            usage.entries().forEach((name, q) -> {
                if (!q.isZero() && quota.hard().has(name)) {
                    requested.put(name, q);
                }
            });
            Map<String, Quantity> after = new TreeMap<>(used.entries());
            requested.forEach((name, q) -> after.merge(name, q, Quantity::add));

            Set<String> exceeded = new TreeSet<>();
            requested.keySet().forEach(name -> {
                if (after.get(name).compareTo(quota.hard().get(name).orElseThrow()) > 0) {
                    exceeded.add(name);
                }
            });
            if (!exceeded.isEmpty()) {
                throw ApiErrors.forbidden(pod.name(), "exceeded quota: " + quota.name()
                        + ", requested: " + mask(new ResourceList(requested), exceeded)
                        + ", used: " + mask(used, exceeded)
                        + ", limited: " + mask(quota.hard(), exceeded));
            }
            result.add(new QuotaUsage(quota, new ResourceList(after)));
        }
        return result;
    }

    /** The quota controller's status.used: every tracked resource, zero when nothing uses it. */
    private static ResourceList used(Set<String> tracked, Pod pod, List<Pod> existingPods) {
        Map<String, Quantity> used = new TreeMap<>();
        tracked.forEach(name -> used.put(name, Quantity.ZERO));
        for (Pod other : existingPods) {
            boolean sameNamespace = other.namespace().equals(pod.namespace());
            boolean itself = sameNamespace && other.name().equals(pod.name());
            if (!sameNamespace || itself) {
                continue;
            }
            PodQuota.usage(other).entries().forEach((name, q) -> used.computeIfPresent(name, (n, sum) -> sum.add(q)));
        }
        return new ResourceList(used);
    }

    private static ResourceList mask(ResourceList list, Set<String> names) {
        Map<String, Quantity> kept = new TreeMap<>(list.entries());
        kept.keySet().retainAll(names);
        return new ResourceList(kept);
    }
}
