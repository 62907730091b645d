package io.github.jcg.core;

import io.github.jcg.core.fake.FakeHosts;
import io.github.jcg.testing.FakeHost;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@link FakeHost#unifiedWithLinks}, a v2-only tree with symbolic links out of the hierarchy,
 * discovered: for the cases the hybrid test machine cannot show (a v2 root that does not offer
 * a controller, {@code cpu.max}, links that point out of the tree).
 */
final class FakeV2Host {
    final FakeHost fake;
    final CgroupHost host;

    private FakeV2Host(FakeHost fake) {
        this.fake = fake;
        this.host = FakeHosts.discover(fake);
    }

    static FakeV2Host under(Path root) {
        return new FakeV2Host(FakeHost.unifiedWithLinks(root));
    }

    Cgroup group(String path) {
        return host.group(path, ControllerSelection.parse("cpu,memory"));
    }

    Map<String, String> vars() {
        return Map.of("${ROOT}", fake.root().toString());
    }

    /** Every entry under the fake root, the outside directory included (see {@link FakeHost#snapshot}). */
    Map<String, String> snapshot() {
        return fake.snapshot();
    }
}
