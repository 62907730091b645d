package io.github.jcg.cli;

import io.github.jcg.core.CgroupHost;

/**
 * Where commands get the host from: discovered from {@code /proc} and {@code /sys/fs/cgroup},
 * or, in tests, a fake tree ({@link io.github.jcg.core.HostPaths#under}).
 */
public final class Hosts {
    /** The host tests put in place of the discovered one; {@code null}: discover it. */
    private static volatile CgroupHost override;

    private Hosts() {
    }

    public static CgroupHost current() {
        CgroupHost host = override;
        return host != null ? host : CgroupHost.discover();
    }

    /** Commands see {@code host} until the returned scope is closed (tests only). */
    public static Scope use(CgroupHost host) {
        CgroupHost previous = override;
        override = host;
        return () -> override = previous;
    }

    /** A try-with-resources scope whose close cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
