package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.sample.Metric;

import java.util.Optional;

/**
 * Where a usage reader finds one module's sample files on this host, set up once per reader.
 * A module numbers its files from 0 to {@link ControllerModule#sampleFileCount()} − 1 and
 * places each under the hierarchy it lives in (empty: not on this host), naming the metrics
 * that come from it: a reader opens a file only when one of them is wanted.
 */
public interface SampleFiles {
    HostLayout layout();

    void place(int slot, Optional<Hierarchy> where, String name, Metric... metrics);
}
