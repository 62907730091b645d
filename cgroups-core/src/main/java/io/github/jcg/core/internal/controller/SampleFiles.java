package io.github.jcg.core.internal.controller;

import io.github.jcg.core.HostLayout;

/**
 * Where a usage reader finds one module's sample files on this host, set up once per reader:
 * slot {@code i} of the module (0 to {@link ControllerModule#sampleFileCount()} − 1) is the
 * file {@code name} under {@code mount} (a mount point without a trailing slash), or absent
 * when {@code mount} is null.
 */
public interface SampleFiles {
    HostLayout layout();

    void place(int slot, String mount, String name);
}
