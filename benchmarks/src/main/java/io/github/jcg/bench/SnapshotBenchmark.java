package io.github.jcg.bench;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.sample.UsageReader;
import io.github.jcg.core.sample.UsageSnapshot;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One group's usage snapshot against the floor: opening and reading the very files the
 * snapshot opens with {@code Files.readAllBytes}, nothing parsed. Target: snapshot ≤ 1.5×
 * the raw reads; with {@code -prof gc}, allocation per snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnapshotBenchmark {
    /** Which metrics: {@code top} (jcg top's default columns), {@code limits}, {@code all}. */
    @Param({"top", "all"})
    public String metrics;

    private BenchTree tree;
    private UsageReader reader;
    private CgroupPath group;
    /** Kept between reads, as the sampler keeps each group's. */
    private UsageReader.GroupHandles paths;
    private Path[] files;

    @Setup(Level.Trial)
    public void setUp() {
        tree = new BenchTree(1);
        group = tree.groups.get(0);
        reader = new UsageReader(tree.host.layout(), Metrics.named(metrics));
        List<String> opened = reader.filesOpenedFor(group);
        files = opened.stream().map(Path::of).toArray(Path[]::new);
        paths = reader.handlesOf(group);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tree.close();
    }

    @Benchmark
    public UsageSnapshot snapshot() {
        return reader.read(group, paths);
    }

    @Benchmark
    public void rawReadsOfTheSameFiles(Blackhole bh) throws IOException {
        for (Path file : files) {
            try {
                bh.consume(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                bh.consume(e);
            }
        }
    }
}
