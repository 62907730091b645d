package io.github.jcg.kube;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource list as in the API ({@code requests}, {@code limits}, {@code hard},
 * {@code overhead}): resource names ({@code cpu}, {@code memory}, {@code hugepages-2Mi},
 * {@code pods}, {@code requests.cpu} …) to quantities, kept sorted by name.
 *
 * @param entries the amounts by resource name; copied, unmodifiable, sorted
 */
public record ResourceList(Map<String, Quantity> entries) {

    /** The resource name of CPU. */
    public static final String CPU = "cpu";
    /** The resource name of memory. */
    public static final String MEMORY = "memory";

    /** An empty list. */
    public static final ResourceList EMPTY = new ResourceList(Map.of());

    /**
     * Copies the entries into a sorted, unmodifiable map.
     *
     * @param entries the amounts by resource name; copied, unmodifiable, sorted
     */
    public ResourceList {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /**
     * @param name a resource name
     * @return its amount, or empty when the list does not name it
     */
    public Optional<Quantity> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * @param name a resource name
     * @return whether the list names it (with any amount, zero included)
     */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** @return the CPU amount, zero when not named */
    public Quantity cpu() {
        return entries.getOrDefault(CPU, Quantity.ZERO);
    }

    /** @return the memory amount, zero when not named */
    public Quantity memory() {
        return entries.getOrDefault(MEMORY, Quantity.ZERO);
    }

    /**
     * @param name   a resource name
     * @param amount its amount
     * @return a copy with that entry set
     */
    public ResourceList with(String name, Quantity amount) {
        Map<String, Quantity> copy = new TreeMap<>(entries);
        copy.put(name, amount);
        return new ResourceList(copy);
    }

    /** @return whether the list names nothing */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** @return {@code cpu=250m,memory=64Mi}: the API server's way of listing amounts in messages */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        entries.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }
}
