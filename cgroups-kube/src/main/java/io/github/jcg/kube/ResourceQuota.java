package io.github.jcg.kube;

/**
 * A ResourceQuota: hard caps on what the pods of a namespace request and limit, summed.
 *
 * @param name      {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param hard      {@code spec.hard}: {@code requests.cpu}, {@code requests.memory},
 *                  {@code limits.cpu}, {@code limits.memory}, {@code pods}, and the
 *                  shorthands {@code cpu} and {@code memory} (meaning requests)
 */
public record ResourceQuota(String name, String namespace, ResourceList hard) implements Manifest {

    @Override
    public String kind() {
        return "ResourceQuota";
    }
}
