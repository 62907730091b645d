package io.github.jcg.cli;

import io.github.jcg.core.CgroupHost;

import java.util.function.Supplier;

/**
 * Where commands get the host from: discovered from {@code /proc} and {@code /sys/fs/cgroup},
 * or, in tests, a fake tree ({@link io.github.jcg.core.HostPaths#under}).
 */
public final class Hosts {
    private static volatile Supplier<CgroupHost> source = CgroupHost::discover;

    private Hosts() {
    }

    public static CgroupHost current() {
        return source.get();
    }

    /** Commands see {@code host} until the returned scope is closed (tests only). */
    public static Scope use(CgroupHost host) {
        Supplier<CgroupHost> previous = source;
        source = () -> host;
        return () -> source = previous;
    }

    /** A try-with-resources scope whose close cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
