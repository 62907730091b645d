package io.github.jcg.cli.top;

import io.github.jcg.core.sample.Sample;

import java.util.List;

/** Rows from the core sampler: every metric the limit columns and JSON show. */
final class CoreSource implements Source {
    private final TopSampler sampler;

    CoreSource(TopSampler sampler) {
        this.sampler = sampler;
    }

    record CorePass(Sample sample) implements Pass {
        @Override
        public long monotonicNanos() {
            return sample.monotonicNanos();
        }

        @Override
        public int groupCount() {
            return sample.groups().size();
        }
    }

    @Override
    public Pass sample() {
        return new CorePass(sampler.sample());
    }

    @Override
    public List<GroupRow> rows(Pass earlier, Pass later, TaskCounting counting, boolean recursive) {
        Sample before = earlier instanceof CorePass p ? p.sample() : null;
        return Rows.of(before, ((CorePass) later).sample(), counting, recursive);
    }
}
