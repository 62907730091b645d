package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.PodResources;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The LimitRanger admission plugin for pods (plugin/pkg/admission/limitranger): container
 * defaults from the {@code Container} items, then the min, max and maxLimitRequestRatio of the
 * {@code Container} and {@code Pod} items.
 *
 * <p>Go walks its resource maps in random order; here resources go in name order, so that
 * several errors always print the same way.
 */
final class LimitRanger {
    static final String CONTAINER = "Container";
    static final String POD = "Pod";

    /** apimachinery's MaxMilliValue: above it a milli-value would overflow an int64. */
    private static final BigInteger MAX_MILLI_VALUE =
            BigInteger.valueOf(Long.MAX_VALUE).divide(BigInteger.valueOf(1000));

    private LimitRanger() {
    }

    /** A pod with defaults filled in, and the annotation saying which. */
    record Defaulted(Pod pod, String annotation) {
    }

    /**
     * The API server's defaulting of a stored LimitRange (SetDefaults_LimitRangeItem): for a
     * {@code Container} item, default from max, defaultRequest from default, then from min.
     */
    static LimitRange withApiDefaults(LimitRange limitRange) {
        List<LimitRange.Item> items = new ArrayList<>();
        for (LimitRange.Item item : limitRange.items()) {
            items.add(withApiDefaults(item));
        }
        return new LimitRange(limitRange.name(), limitRange.namespace(), items);
    }

    static LimitRange.Item withApiDefaults(LimitRange.Item item) {
        if (!CONTAINER.equals(item.type())) {
            return item;
        }
        ResourceList defaults = fillMissing(orEmpty(item.defaultLimits()), orEmpty(item.max()));
        ResourceList defaultRequests = fillMissing(orEmpty(item.defaultRequests()), defaults);
        defaultRequests = fillMissing(defaultRequests, orEmpty(item.min()));
        return new LimitRange.Item(item.type(), item.max(), item.min(), defaults, defaultRequests,
                item.maxLimitRequestRatio());
    }

    /**
     * PodMutateLimitFunc: every container and init container gets the limit range's default limit
     * and default request for each resource it does not name.
     */
    static Defaulted mutate(LimitRange limitRange, Pod pod) {
        ResourceList defaultLimits = ResourceList.EMPTY;
        ResourceList defaultRequests = ResourceList.EMPTY;
        // later Container items override earlier ones, as in defaultContainerResourceRequirements
        for (LimitRange.Item item : limitRange.items()) {
            if (CONTAINER.equals(item.type())) {
                defaultRequests = overlay(defaultRequests, orEmpty(item.defaultRequests()));
                defaultLimits = overlay(defaultLimits, orEmpty(item.defaultLimits()));
            }
        }
        List<String> notes = new ArrayList<>();
        ResourceList limits = defaultLimits;
        ResourceList requests = defaultRequests;
        UnaryOperator<Container> merge = c -> {
            List<String> setRequests = missing(c.requests(), requests);
            List<String> setLimits = missing(c.limits(), limits);
            String what = c.kind() == Container.Kind.REGULAR ? "container " : "init container ";
            if (!setRequests.isEmpty()) {
                notes.add(String.join(", ", setRequests) + " request for " + what + c.name());
            }
            if (!setLimits.isEmpty()) {
                notes.add(String.join(", ", setLimits) + " limit for " + what + c.name());
            }
            return c.withResources(fillMissing(c.requests(), requests), fillMissing(c.limits(), limits));
        };
        // regular containers first, then init containers, as the annotation lists them
        List<Container> containers = pod.containers().stream().map(merge).toList();
        List<Container> initContainers = pod.initContainers().stream().map(merge).toList();
        Pod defaulted = new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(),
                initContainers, containers, pod.overhead());
        String annotation = notes.isEmpty() ? "" : "LimitRanger plugin set: " + String.join("; ", notes);
        return new Defaulted(defaulted, annotation);
    }

    /**
     * PodValidateLimitFunc: the messages of every constraint the pod breaks; empty when it
     * breaks none.
     */
    static List<String> validate(LimitRange limitRange, Pod pod) {
        List<String> errors = new ArrayList<>();
        for (LimitRange.Item item : limitRange.items()) {
            if (CONTAINER.equals(item.type())) {
                List<Container> all = new ArrayList<>(pod.containers());
                all.addAll(pod.initContainers());
                for (Container c : all) {
                    check(item, CONTAINER, c.requests(), c.limits(), errors);
                }
            } else if (POD.equals(item.type())) {
                // the limit ranger's own podRequests/podLimits leave the overhead out
                Pod withoutOverhead = new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(),
                        pod.initContainers(), pod.containers(), ResourceList.EMPTY);
                check(item, POD, PodResources.requests(withoutOverhead),
                        PodResources.limits(withoutOverhead), errors);
            }
        }
        return errors;
    }

    private static void check(LimitRange.Item item, String type, ResourceList requests,
                              ResourceList limits, List<String> errors) {
        orEmpty(item.min()).entries().forEach((name, min) ->
                addIfPresent(errors, minConstraint(type, name, min, requests, limits)));
        orEmpty(item.max()).entries().forEach((name, max) ->
                addIfPresent(errors, maxConstraint(type, name, max, requests, limits)));
        orEmpty(item.maxLimitRequestRatio()).entries().forEach((name, ratio) ->
                addIfPresent(errors, ratioConstraint(type, name, ratio, requests, limits)));
    }

    private static String minConstraint(String type, String name, Quantity enforced,
                                        ResourceList requests, ResourceList limits) {
        Quantity request = requests.get(name).orElse(null);
        Quantity limit = limits.get(name).orElse(null);
        BigInteger[] v = comparable(request, limit, enforced);
        String head = "minimum " + name + " usage per " + type + " is " + enforced;
        if (request == null) {
            return head + ".  No request is specified";
        }
        if (v[0].compareTo(v[2]) < 0) {
            return head + ", but request is " + request;
        }
        if (limit != null && v[1].compareTo(v[2]) < 0) {
            return head + ", but limit is " + limit;
        }
        return null;
    }

    private static String maxConstraint(String type, String name, Quantity enforced,
                                        ResourceList requests, ResourceList limits) {
        Quantity request = requests.get(name).orElse(null);
        Quantity limit = limits.get(name).orElse(null);
        BigInteger[] v = comparable(request, limit, enforced);
        String head = "maximum " + name + " usage per " + type + " is " + enforced;
        if (limit == null) {
            return head + ".  No limit is specified";
        }
        if (v[1].compareTo(v[2]) > 0) {
            return head + ", but limit is " + limit;
        }
        if (request != null && v[0].compareTo(v[2]) > 0) {
            return head + ", but request is " + request;
        }
        return null;
    }

    private static String ratioConstraint(String type, String name, Quantity enforced,
                                          ResourceList requests, ResourceList limits) {
        Quantity request = requests.get(name).orElse(null);
        Quantity limit = limits.get(name).orElse(null);
        BigInteger[] v = comparable(request, limit, enforced);
        String head = name + " max limit to request ratio per " + type + " is " + enforced;
        if (request == null || v[0].signum() == 0) {
            return head + ", but no request is specified or request is 0";
        }
        if (limit == null || v[1].signum() == 0) {
            return head + ", but no limit is specified or limit is 0";
        }
        // float64 arithmetic, as the plugin does it, so borderline ratios round the same way
        double observed = v[1].doubleValue() / v[0].doubleValue();
        double display = observed;
        double allowed = roundUp(enforced.amount(), 0).doubleValue();
        if (roundUp(enforced.amount(), 0).compareTo(MAX_MILLI_VALUE) <= 0) {
            observed = observed * 1000;
            allowed = roundUp(enforced.amount(), 3).doubleValue();
        }
        if (observed > allowed) {
            return head + ", but provided ratio is " + String.format(Locale.ROOT, "%f", display);
        }
        return null;
    }

    /**
     * requestLimitEnforcedValues: request, limit and enforced amount at one precision, in
     * thousandths unless one of them is too large for that; an absent amount counts as zero.
     */
    private static BigInteger[] comparable(Quantity request, Quantity limit, Quantity enforced) {
        BigDecimal[] amounts = {
            request == null ? BigDecimal.ZERO : request.amount(),
            limit == null ? BigDecimal.ZERO : limit.amount(),
            enforced.amount()};
        boolean milli = true;
        for (BigDecimal a : amounts) {
            milli &= roundUp(a, 0).compareTo(MAX_MILLI_VALUE) <= 0;
        }
        BigInteger[] values = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            values[i] = roundUp(amounts[i], milli ? 3 : 0);
        }
        return values;
    }

    /** Value() (scale 0) and MilliValue() (scale 3): rounded up, away from zero. */
    private static BigInteger roundUp(BigDecimal amount, int scale) {
        return amount.scaleByPowerOfTen(scale).setScale(0, RoundingMode.UP).toBigInteger();
    }

    private static void addIfPresent(List<String> errors, String error) {
        if (error != null) {
            errors.add(error);
        }
    }

    private static List<String> missing(ResourceList present, ResourceList defaults) {
        List<String> names = new ArrayList<>(new TreeSet<>(defaults.entries().keySet()));
        names.removeIf(present::has);
        return names;
    }

    private static ResourceList fillMissing(ResourceList list, ResourceList defaults) {
        Map<String, Quantity> merged = new TreeMap<>(defaults.entries());
        merged.putAll(list.entries());
        return new ResourceList(merged);
    }

    private static ResourceList overlay(ResourceList base, ResourceList over) {
        Map<String, Quantity> merged = new TreeMap<>(base.entries());
        merged.putAll(over.entries());
        return new ResourceList(merged);
    }

    private static ResourceList orEmpty(ResourceList list) {
        return list == null ? ResourceList.EMPTY : list;
    }
}
