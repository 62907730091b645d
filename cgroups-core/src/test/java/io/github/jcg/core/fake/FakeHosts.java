package io.github.jcg.core.fake;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.HostPaths;
import io.github.jcg.testing.FakeHost;

/**
 * A {@link FakeHost} (cgroups-testing, which cannot depend on this module) seen through the
 * API: discovered from its root as any user of the library would, with {@link HostPaths#under}.
 * In a package of its own that the module does not export, as its methods take a type from
 * outside the module.
 */
public final class FakeHosts {
    private FakeHosts() {
    }

    public static HostPaths paths(FakeHost fake) {
        return HostPaths.under(fake.root());
    }

    public static CgroupHost discover(FakeHost fake) {
        return CgroupHost.discover(paths(fake));
    }

    public static HostLayout layout(FakeHost fake) {
        return discover(fake).layout();
    }
}
