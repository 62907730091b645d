package io.github.jcg.bench;

import io.github.jcg.core.sample.Sample;
import io.github.jcg.core.sample.SubtreeSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One pass of the sampler over a subtree of {@link #groups} groups (listing and reading
 * every group), as one refresh of jcg top costs. With {@code -prof gc}, divide
 * {@code gc.alloc.rate.norm} by the group count for the allocation per group per sample
 * (target ≤ 1 KiB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SubtreeBenchmark {
    @Param({"1000"})
    public int groups;

    @Param({"top", "all"})
    public String metrics;

    private BenchTree tree;
    private SubtreeSampler sampler;

    @Setup(Level.Trial)
    public void setUp() {
        tree = new BenchTree(groups);
        sampler = new SubtreeSampler(tree.host.layout(), tree.root(), 3, Metrics.named(metrics));
        if (sampler.sample().groups().size() < groups) {
            throw new IllegalStateException("the sampler sees fewer groups than were made");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tree.close();
    }

    @Benchmark
    public Sample samplePass() {
        return sampler.sample();
    }
}
