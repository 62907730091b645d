package io.github.jcg.kube.admission;

/** The API's classes of resource names (pkg/apis/core/v1/helper). */
final class ResourceNames {
    static final String HUGEPAGES_PREFIX = "hugepages-";
    static final String REQUESTS_PREFIX = "requests.";

    private ResourceNames() {
    }

    /** cpu, memory, hugepages-2Mi …: no domain, or a kubernetes.io domain. */
    static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    /** Resources a request may leave below the limit; hugepages and extended ones may not. */
    static boolean isOvercommitAllowed(String name) {
        return isNative(name) && !name.startsWith(HUGEPAGES_PREFIX);
    }

    /** A device plugin's resource, such as {@code example.com/gpu}. */
    static boolean isExtended(String name) {
        return !isNative(name) && !name.startsWith(REQUESTS_PREFIX);
    }
}
