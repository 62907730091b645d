package io.github.jcg.cli.commands;

import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What set puts back when a later group refuses: every field of Resources the change set. */
class RestoreTest {
    private static final BlockDevice SDA = new BlockDevice(8, 0);
    private static final BlockDevice SDB = new BlockDevice(8, 16);

    /**
     * Each field of {@link Resources}: how the change sets it, and the value it had before. The
     * CPU quota and period go back together, so each is listed with the other's value before.
     */
    private static Map<String, Field> fields() {
        Map<String, Field> f = new LinkedHashMap<>();
        f.put("cpuQuota", new Field(b -> b.cpuQuota(Limit.of(20_000)), b -> b.cpuQuota(Limit.unlimited()).cpuPeriodMicros(100_000)));
        f.put("cpuPeriodMicros", new Field(b -> b.cpuPeriodMicros(50_000), b -> b.cpuQuota(Limit.unlimited()).cpuPeriodMicros(100_000)));
        f.put("cpuBurstMicros", new Field(b -> b.cpuBurstMicros(5_000), b -> b.cpuBurstMicros(0)));
        f.put("cpuWeight", new Field(b -> b.cpuWeight(CpuWeight.weight(500)), b -> b.cpuWeight(CpuWeight.weight(100))));
        f.put("cpusetCpus", new Field(b -> b.cpusetCpus(CpuList.parse("1")), b -> b.cpusetCpus(CpuList.parse("0-3"))));
        f.put("cpusetMems", new Field(b -> b.cpusetMems(CpuList.parse("1")), b -> b.cpusetMems(CpuList.parse("0"))));
        f.put("memoryMax", new Field(b -> b.memoryMax(Limit.of(1 << 20)), b -> b.memoryMax(Limit.unlimited())));
        f.put("memoryHigh", new Field(b -> b.memoryHigh(Limit.of(2 << 20)), b -> b.memoryHigh(Limit.of(8 << 20))));
        f.put("memoryLow", new Field(b -> b.memoryLow(Limit.of(3 << 20)), b -> b.memoryLow(Limit.of(0))));
        f.put("memoryMin", new Field(b -> b.memoryMin(Limit.of(4 << 20)), b -> b.memoryMin(Limit.of(0))));
        f.put("swapMax", new Field(b -> b.swapMax(Limit.of(0)), b -> b.swapMax(Limit.unlimited())));
        f.put("pidsMax", new Field(b -> b.pidsMax(Limit.of(10)), b -> b.pidsMax(Limit.unlimited())));
        f.put("io", new Field(b -> b.io(new IoDeviceLimit(SDA, Optional.of(Limit.of(1000)), Optional.empty(), Optional.empty(),
                Optional.of(Limit.of(5)))),
                b -> b.io(new IoDeviceLimit(SDA, Optional.of(Limit.of(9000)), Optional.empty(), Optional.empty(),
                        Optional.of(Limit.unlimited())))));
        f.put("frozen", new Field(b -> b.frozen(true), b -> b.frozen(false)));
        return f;
    }

    private record Field(Consumer<Resources.Builder> applied, Consumer<Resources.Builder> before) {
    }

    private static Resources with(Consumer<Resources.Builder> setter) {
        Resources.Builder b = Resources.builder();
        setter.accept(b);
        return b.build();
    }

    /** Every value the group had: what the kernel reports when every file is there. */
    private static Resources everythingBefore() {
        Resources.Builder b = Resources.builder();
        fields().values().forEach(f -> f.before().accept(b));
        b.io(new IoDeviceLimit(SDB, Optional.of(Limit.of(7)), Optional.of(Limit.of(8)), Optional.of(Limit.of(9)),
                Optional.of(Limit.unlimited())));
        return b.build();
    }

    @Test
    void eachFieldTheChangeSetGoesBackToItsValueBeforeAndNothingElseIsTouched() {
        Resources before = everythingBefore();
        for (Map.Entry<String, Field> f : fields().entrySet()) {
            Resources restore = Restore.fieldsOf(with(f.getValue().applied()), before);
            assertThat(restore).as(f.getKey()).isEqualTo(with(f.getValue().before()));
        }
    }

    @Test
    void everythingTheChangeSetGoesBackAtOnce() {
        Resources.Builder applied = Resources.builder();
        fields().values().forEach(f -> f.applied().accept(applied));

        Resources restore = Restore.fieldsOf(applied.build(), everythingBefore());

        Resources.Builder expected = Resources.builder();
        fields().values().forEach(f -> f.before().accept(expected));
        assertThat(restore).isEqualTo(expected.build());
    }

    /** A device or a direction the kernel listed no limit for had none: it goes back to none. */
    @Test
    void anIoLimitTheGroupDidNotHaveGoesBackToNoLimit() {
        Resources applied = with(b -> b.io(new IoDeviceLimit(new BlockDevice(253, 1), Optional.empty(), Optional.of(Limit.of(100)),
                Optional.of(Limit.of(3)), Optional.empty())).io(new IoDeviceLimit(SDA, Optional.empty(), Optional.of(Limit.of(1)),
                Optional.empty(), Optional.empty())));
        Resources before = with(b -> b.io(new IoDeviceLimit(SDA, Optional.of(Limit.of(9000)), Optional.empty(), Optional.empty(),
                Optional.empty())));

        assertThat(Restore.fieldsOf(applied, before).io()).containsExactlyInAnyOrder(
                new IoDeviceLimit(new BlockDevice(253, 1), Optional.empty(), Optional.of(Limit.unlimited()),
                        Optional.of(Limit.unlimited()), Optional.empty()),
                new IoDeviceLimit(SDA, Optional.empty(), Optional.of(Limit.unlimited()), Optional.empty(), Optional.empty()));
    }

    @Test
    void aFieldWhoseValueBeforeIsUnknownIsLeftAlone() {
        Resources applied = with(b -> b.memoryMax(Limit.of(1 << 20)).frozen(true).cpuBurstMicros(1000));

        assertThat(Restore.fieldsOf(applied, Resources.builder().build()).isEmpty()).isTrue();
    }

    /** A field added to Resources must be added here (and to Restore.fieldsOf) for this test to pass. */
    @Test
    void theseTestsCoverEveryFieldOfResources() {
        List<String> accessors = Arrays.stream(Resources.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .filter(m -> m.getReturnType() == Optional.class || m.getReturnType() == OptionalLong.class
                        || m.getReturnType() == List.class)
                .map(Method::getName)
                .filter(name -> !name.equals("cpuCores")) // derived from the quota and the period
                .toList();

        assertThat(fields().keySet()).containsExactlyInAnyOrderElementsOf(accessors);
    }
}
