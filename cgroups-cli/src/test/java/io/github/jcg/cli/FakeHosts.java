package io.github.jcg.cli;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.HostPaths;
import io.github.jcg.testing.FakeHost;

/** Puts a {@link FakeHost} (cgroups-testing) in place of the real host for the commands. */
public final class FakeHosts {
    private FakeHosts() {
    }

    /**
     * Commands see {@code fake}, discovered now through the library's API, until the scope is
     * closed. Its control files are plain files, so a test sees what a command wrote (the
     * kernel's range checks are not there); see {@link FakeHost} for what else a fake tree cannot do.
     */
    public static Hosts.Scope use(FakeHost fake) {
        return Hosts.use(CgroupHost.discover(HostPaths.under(fake.root())));
    }
}
