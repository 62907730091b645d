package io.github.jcg.core;

import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input, table-driven: every row tries one invalid path, value or operation and asserts
 * that it is refused with the right exception, that the message is one line naming what was
 * wrong and the accepted range or the fix, and that nothing changed on disk.
 *
 * <p>The first table runs on the real kernel (needs root and v1 cpu, cpuacct, pids, memory and
 * freezer hierarchies; it is skipped with the reason printed otherwise) against one uniquely
 * named group tree, {@link RealHostFixture}. The second runs on a fake v2-only tree,
 * {@link FakeV2Host}, for what the hybrid test host cannot show.
 *
 * <p>Expected words may hold {@code ${P}} (the parent group's name), {@code ${PID}} (the sleep
 * process in P/busy), {@code ${EXITED}} (a reaped pid) and, on the fake tree, {@code ${ROOT}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Bad input is refused with one clear line and changes nothing on disk")
class BadInputTest {
    private RealHostFixture real;
    private String notRunnable;
    private Throwable setupFailure;

    @BeforeAll
    void createRealFixture() {
        Optional<String> why = RealHostFixture.whyNotRunnable();
        if (why.isPresent()) {
            notRunnable = why.get();
            System.err.println("BadInputTest: skipping the real-kernel rows: " + notRunnable);
            return;
        }
        try {
            real = RealHostFixture.create();
        } catch (Throwable t) {
            setupFailure = t;
        }
    }

    @AfterAll
    void removeRealFixture() {
        if (real != null) {
            real.close();
        }
    }

    @Tag("root")
    @ParameterizedTest(name = "[real kernel, root] {0}")
    @MethodSource("realKernelRows")
    void refusedOnTheRealKernel(Row<RealHostFixture> row) {
        assumeTrue(notRunnable == null, () -> "real-kernel rows skipped: " + notRunnable);
        if (setupFailure != null) {
            fail("could not build the test groups", setupFailure);
        }
        assumeTrue(row.applies().test(real), () -> "skipped on this host: " + row.requirement());
        boolean clean = check(row, real, real::snapshot, real.vars());
        if (!clean) {
            real.repair();
        }
    }

    @ParameterizedTest(name = "[fake v2 tree] {0}")
    @MethodSource("fakeV2Rows")
    void refusedOnAFakeV2Tree(Row<FakeV2Host> row, @TempDir Path tmp) {
        FakeV2Host fake = FakeV2Host.under(tmp);
        check(row, fake, fake::snapshot, fake.vars());
    }

    // ====================================================================== the real kernel

    Stream<Arguments> realKernelRows() {
        List<Row<RealHostFixture>> rows = new ArrayList<>();

        // ---- group paths (create and delete)
        rows.add(real("path: '..' segment", InvalidGroupPathException.class,
                f -> f.group("../escape").create(), "invalid group path", "contains '..'", "may not climb out"));
        rows.add(real("path: '..' as a child name", InvalidGroupPathException.class,
                f -> f.parent().child("..").create(), "contains '..'"));
        rows.add(real("path: '.' segment", InvalidGroupPathException.class,
                f -> f.group("./x").create(), "contains '.'", "without it"));
        rows.add(real("path: empty segment a//b", InvalidGroupPathException.class,
                f -> f.group("a//b").create(), "empty segment", "'//'"));
        rows.add(real("path: NUL character", InvalidGroupPathException.class,
                f -> f.group("a\0b").create(), "NUL character", "a\\0b"));
        rows.add(real("path: newline", InvalidGroupPathException.class,
                f -> f.group("a\nb").create(), "contains a newline", "a\\nb"));
        rows.add(real("path: tab", InvalidGroupPathException.class,
                f -> f.group("a\tb").create(), "control character (code 9)"));
        rows.add(real("path: carriage return", InvalidGroupPathException.class,
                f -> f.group("a\rb").create(), "control character (code 13)"));
        rows.add(real("path: DEL character", InvalidGroupPathException.class,
                f -> f.group("a\u007fb").create(), "control character (code 127)"));
        rows.add(real("path: C1 control character NEL (U+0085)", InvalidGroupPathException.class,
                f -> f.group("a\u0085b").create(), "control character"));
        rows.add(real("path: 256-byte name", InvalidGroupPathException.class,
                f -> f.group("x".repeat(256)).create(), "longer than 255 bytes"));
        rows.add(real("path: 128 two-byte characters (256 bytes)", InvalidGroupPathException.class,
                f -> f.group("é".repeat(128)).create(), "longer than 255 bytes"));
        rows.add(real("path: longer than PATH_MAX", InvalidGroupPathException.class,
                f -> f.group("abcdefgh/".repeat(460) + "z").create(), "longer than 4095 bytes"));
        rows.add(real("path: reserved name cgroup.procs", InvalidGroupPathException.class,
                f -> f.group("cgroup.procs").create(), "'cgroup.procs'", "reserves for control files", "choose another group name"));
        rows.add(real("path: reserved name cpu.shares (a file of the cpu controller; cpu.foo is a group name)",
                InvalidGroupPathException.class, f -> f.group("cpu.shares").create(),
                "'cpu.shares' is the name of a cgroup control file (the cpu controller's)", "choose another group name"));
        rows.add(real("path: reserved name memory.max (a v2 file, refused on v1 too)", InvalidGroupPathException.class,
                f -> f.group("a/memory.max").create(), "'memory.max' is the name of a cgroup control file", "choose another group name"));
        rows.add(real("path: reserved name tasks", InvalidGroupPathException.class,
                f -> f.group("tasks").create(), "'tasks' is the name of a cgroup control file", "choose another group name"));
        rows.add(real("path: reserved name notify_on_release", InvalidGroupPathException.class,
                f -> f.group("a/notify_on_release").create(), "'notify_on_release'", "choose another group name"));
        rows.add(real("create: the root group /", InvalidGroupPathException.class,
                f -> f.host.group("/", ControllerSelection.parse(RealHostFixture.SELECTION)).create(),
                "the root group always exists", "give the name of a group"));
        rows.add(real("delete: the root group /", InvalidGroupPathException.class,
                f -> f.host.group("/", ControllerSelection.parse(RealHostFixture.SELECTION)).delete(),
                "the root group cannot be deleted"));

        // ---- controller selections
        rows.add(real("selection: unknown controller 'bogus'", ControllerNotAvailableException.class,
                f -> f.host.group(f.name + "/x", ControllerSelection.parse("cpu,bogus")).create(),
                "unknown controller 'bogus'", "known controllers are cpu, cpuacct"));
        rows.add(real("selection: empty name in 'cpu,,memory'", InvalidValueException.class,
                f -> f.host.group(f.name + "/x", ControllerSelection.parse("cpu,,memory")).create(),
                "empty name", "separated by single commas"));
        rows.add(real("selection: net_cls is not mounted", ControllerNotAvailableException.class,
                f -> f.host.group(f.name + "/x", ControllerSelection.parse("cpu,net_cls")).create(),
                "net_cls controller is not mounted", "available: cpu, cpuacct"));
        rows.add(real("selection: unknown named hierarchy", ControllerNotAvailableException.class,
                f -> f.host.group(f.name + "/x", ControllerSelection.parse("name=nosuch")).create(),
                "no named hierarchy 'nosuch'"));

        // ---- raw writes refused before the kernel sees them
        rows.add(real("write: cpu.cfs_quota_us=500", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_quota_us", "500"),
                "cpu.cfs_quota_us must be from 1000 to", "or -1 for no limit", "(got 500)"));
        rows.add(real("write: cpu.cfs_quota_us=abc", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_quota_us", "abc"),
                "cpu.cfs_quota_us must be -1 (no limit) or a number of µs", "(got 'abc')"));
        rows.add(real("write: cpu.cfs_quota_us=-2", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_quota_us", "-2"), "must be from 1000 to", "or -1 for no limit", "(got -2)"));
        rows.add(real("write: cpu.cfs_quota_us with an embedded newline", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_quota_us", "50000\n-1"), "cpu.cfs_quota_us must be"));
        rows.add(real("write: cpu.cfs_period_us=999", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_period_us", "999"), "cpu.cfs_period_us must be from 1000 to 1000000 µs", "(got 999)"));
        rows.add(real("write: cpu.cfs_period_us=1000001", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_period_us", "1000001"), "must be from 1000 to 1000000 µs", "(got 1000001)"));
        rows.add(real("write: cpu.cfs_burst_us=-5", InvalidValueException.class,
                f -> f.child().write("cpu.cfs_burst_us", "-5"), "cpu.cfs_burst_us must be from 0 to", "(got -5)"));
        rows.add(real("write: cpu.shares=1", InvalidValueException.class,
                f -> f.child().write("cpu.shares", "1"), "cpu.shares must be from 2 to 262144", "(got 1)"));
        rows.add(real("write: cpu.shares=262145", InvalidValueException.class,
                f -> f.child().write("cpu.shares", "262145"), "cpu.shares must be from 2 to 262144", "(got 262145)"));
        rows.add(real("write: pids.max=-1", InvalidValueException.class,
                f -> f.child().write("pids.max", "-1"), "pids.max must be from 0 to 4194304", "or max", "(got -1)"));
        rows.add(real("write: pids.max=lots", InvalidValueException.class,
                f -> f.child().write("pids.max", "lots"), "pids.max must be max or a number of processes", "(got 'lots')"));
        rows.add(real("write: memory.limit_in_bytes=12Q", InvalidValueException.class,
                f -> f.child().write("memory.limit_in_bytes", "12Q"),
                "memory.limit_in_bytes must be a number of bytes", "e.g. 256M", "(got '12Q')"));
        rows.add(real("write: memory.limit_in_bytes=max (v1 spells no limit -1)", InvalidValueException.class,
                f -> f.child().write("memory.limit_in_bytes", "max"), "memory.limit_in_bytes", "-1"));
        rows.add(real("write: freezer.state=FREEZING", InvalidValueException.class,
                f -> f.child().write("freezer.state", "FREEZING"), "freezer.state must be FROZEN or THAWED", "(got 'FREEZING')"));
        rows.add(real("write: freezer.state with an embedded newline", InvalidValueException.class,
                f -> f.child().write("freezer.state", "THAWED\nFROZEN"), "freezer.state must be FROZEN or THAWED"));
        rows.add(real("write: cpu.max='50000 100000 7'", InvalidValueException.class,
                f -> f.child().write("cpu.max", "50000 100000 7"), "cpu.max must be '$MAX $PERIOD'", "'50000 100000'"));
        rows.add(real("write: cgroup.subtree_control=cpu (no + or -)", InvalidValueException.class,
                f -> f.parent().write("cgroup.subtree_control", "cpu"), "takes +name to enable and -name to disable", "(got 'cpu')"));
        rows.add(real("write: cgroup.procs=-5", InvalidValueException.class,
                f -> f.child().write("cgroup.procs", "-5"), "cgroup.procs must be a process id", "(got -5)"));
        rows.add(real("write: cpuset.cpus=3-1", InvalidValueException.class,
                f -> f.narrowX().write("cpuset.cpus", "3-1"), "runs backwards (3-1)")
                .onlyIf(f -> f.narrowCpu.isPresent(), "a writable v1 cpuset hierarchy and two CPUs"));
        rows.add(real("write: blkio.throttle.read_bps_device=8:0", InvalidValueException.class,
                f -> f.child().write("blkio.throttle.read_bps_device", "8:0"), "must be 'MAJ:MIN LIMIT'", "(got '8:0')"));

        // ---- control file names
        rows.add(real("file name: ../cpu.shares", InvalidValueException.class,
                f -> f.child().write("../cpu.shares", "1024"), "invalid control file name '../cpu.shares'", "without '/' or '..'"));
        rows.add(real("file name: cpu.shares/../../x", InvalidValueException.class,
                f -> f.child().write("cpu.shares/../../x", "1024"), "invalid control file name", "without '/' or '..'"));
        rows.add(real("file name: ..", InvalidValueException.class,
                f -> f.child().write("..", "1"), "invalid control file name '..'"));
        rows.add(real("file name: empty", InvalidValueException.class,
                f -> f.child().write("", "1"), "invalid control file name ''"));
        rows.add(real("file name: with a newline", InvalidValueException.class,
                f -> f.child().write("cpu.shares\nx", "1024"), "invalid control file name 'cpu.shares\\nx'"));
        rows.add(real("file name: cpu.nosuch (no such file)", KernelRefusedException.class,
                f -> f.child().write("cpu.nosuch", "1"), "cpu.nosuch", "ENOENT", "no such control file"));
        rows.add(real("file name: net_cls.classid (controller not mounted)", ControllerNotAvailableException.class,
                f -> f.child().write("net_cls.classid", "1"), "net_cls", "not mounted"));

        // ---- typed values
        rows.add(real("builder: cpuQuota(999)", InvalidValueException.class,
                f -> Resources.builder().cpuQuota(Limit.of(999)), "cpu quota must be from 1000 to", "or no limit", "(got 999)"));
        rows.add(real("builder: cpuPeriodMicros(0)", InvalidValueException.class,
                f -> Resources.builder().cpuPeriodMicros(0), "cpu period must be from 1000 to 1000000 µs", "(got 0)"));
        rows.add(real("builder: cpuMax(50000, 2000000)", InvalidValueException.class,
                f -> Resources.builder().cpuMax(Limit.of(50_000), 2_000_000), "cpu period must be from 1000 to 1000000 µs"));
        rows.add(real("builder: cpuCores(0.001, 100000)", InvalidValueException.class,
                f -> Resources.builder().cpuCores(0.001, 100_000),
                "below the kernel's minimum quota of 1000 µs per 100000 µs period", "0.01 CPUs", "(got 0.001 CPUs)"));
        rows.add(real("builder: cpuCores(NaN)", InvalidValueException.class,
                f -> Resources.builder().cpuCores(Double.NaN, 100_000), "must be a positive number of CPUs"));
        rows.add(real("builder: cpuCores(1.0, period 0)", InvalidValueException.class,
                f -> Resources.builder().cpuCores(1.0, 0), "cpu period must be from 1000 to 1000000 µs"));
        rows.add(real("builder: cpuBurstMicros(-1)", InvalidValueException.class,
                f -> Resources.builder().cpuBurstMicros(-1), "cpu burst must be from 0 to"));
        rows.add(real("builder: burst 30000 above quota 20000", InvalidValueException.class,
                f -> Resources.builder().cpuQuota(Limit.of(20_000)).cpuBurstMicros(30_000).build(),
                "cpu burst must not exceed the quota (20000 µs)", "(got 30000 µs)"));
        rows.add(real("builder: CpuWeight.weight(0)", InvalidValueException.class,
                f -> CpuWeight.weight(0), "cpu.weight must be from 1 to 10000", "(got 0)"));
        rows.add(real("builder: CpuWeight.weight(10001)", InvalidValueException.class,
                f -> CpuWeight.weight(10_001), "cpu.weight must be from 1 to 10000", "(got 10001)"));
        rows.add(real("builder: CpuWeight.shares(1)", InvalidValueException.class,
                f -> CpuWeight.shares(1), "cpu.shares must be from 2 to 262144", "(got 1)"));
        rows.add(real("builder: pidsMax(4194305)", InvalidValueException.class,
                f -> Resources.builder().pidsMax(Limit.of(4_194_305)), "pids max must be from 0 to 4194304", "(got 4194305)"));
        rows.add(real("builder: Limit.of(-1)", IllegalArgumentException.class,
                f -> Limit.of(-1), "cannot be negative", "Limit.unlimited()"));
        rows.add(real("builder: CpuList.parse(3-1)", InvalidValueException.class,
                f -> CpuList.parse("3-1"), "range that runs backwards (3-1)"));
        rows.add(real("builder: CpuList.parse(a)", InvalidValueException.class,
                f -> CpuList.parse("a"), "must be numbers and ranges like 0-3,5", "(got 'a')"));
        rows.add(real("builder: CpuList.parse(1,,2)", InvalidValueException.class,
                f -> CpuList.parse("1,,2"), "empty item between commas", "(got '1,,2')"));
        rows.add(real("builder: CpuList.parse(99999)", InvalidValueException.class,
                f -> CpuList.parse("99999"), "from 0 to 8191"));
        rows.add(real("builder: CpuList.parse with an embedded newline", InvalidValueException.class,
                f -> CpuList.parse("0\n1"), "cpu list"));
        rows.add(real("builder: BlockDevice.parse(8)", InvalidValueException.class,
                f -> BlockDevice.parse("8"), "block device must be MAJ:MIN, e.g. 8:0", "(got '8')"));
        rows.add(real("builder: io read bps 0", InvalidValueException.class,
                f -> new IoDeviceLimit(new BlockDevice(8, 0), Optional.of(Limit.of(0)), Optional.empty(), Optional.empty(), Optional.empty()),
                "io read bps must be at least 1, or no limit", "(got 0)"));

        // ---- apply: refused before writing
        rows.add(real("apply: memoryLow on v1", InvalidValueException.class,
                f -> f.child().apply(Resources.builder().pidsMax(Limit.of(50)).memoryLow(Limit.of(64L << 20)).build()),
                "memory.low has no cgroup v1 equivalent", "leave it unset"));
        rows.add(real("apply: memoryMin on v1", InvalidValueException.class,
                f -> f.child().apply(Resources.builder().cpuQuota(Limit.of(10_000)).memoryMin(Limit.of(64L << 20)).build()),
                "memory.min has no cgroup v1 equivalent"));
        rows.add(real("apply: swapMax without a memory max on v1", InvalidValueException.class,
                f -> f.parent().apply(Resources.builder().pidsMax(Limit.of(50)).swapMax(Limit.of(64L << 20)).build()),
                "swap max needs a memory limit on cgroup v1", "set a memory max too"));
        rows.add(real("apply: io limit on a group outside the blkio hierarchy", ControllerNotAvailableException.class,
                f -> f.child().apply(Resources.builder().pidsMax(Limit.of(50)).io(new IoDeviceLimit(new BlockDevice(8, 0),
                        Optional.of(Limit.of(1 << 20)), Optional.empty(), Optional.empty(), Optional.empty())).build()),
                "blkio.throttle.read_bps_device", "blkio hierarchy", "create it there first"));
        rows.add(real("apply: cpuset on a group outside the cpuset hierarchy", ControllerNotAvailableException.class,
                f -> f.child().apply(Resources.builder().pidsMax(Limit.of(50)).cpusetCpus(CpuList.of(0)).build()),
                "cpuset.cpus", "cpuset hierarchy", "create it there first"));
        rows.add(real("apply: to a group that does not exist", GroupNotFoundException.class,
                f -> f.group("nosuch").apply(Resources.builder().pidsMax(Limit.of(50)).build()),
                "/${P}/nosuch", "does not exist"));

        // ---- the kernel refuses
        rows.add(real("kernel: child quota above the parent's (60000 > 50000)", KernelRefusedException.class,
                f -> f.child().write("cpu.cfs_quota_us", "60000"),
                "cpu.cfs_quota_us", "EINVAL", "may not exceed its parent's"));
        rows.add(real("kernel: child period 10000 makes quota/period exceed the parent's", KernelRefusedException.class,
                f -> f.child().write("cpu.cfs_period_us", "10000"),
                "cpu.cfs_period_us", "EINVAL", "may not exceed its parent's"));
        rows.add(real("kernel: cpu.cfs_burst_us above the quota", KernelRefusedException.class,
                f -> f.child().write("cpu.cfs_burst_us", "30000"), "cpu.cfs_burst_us", "EINVAL", "burst may not exceed the quota")
                .onlyIf(f -> f.hasBurst, "cpu.cfs_burst_us (Linux 5.14+)"));
        rows.add(real("kernel: memory.limit_in_bytes above memsw", KernelRefusedException.class,
                f -> f.child().write("memory.limit_in_bytes", "1G"), "memory.limit_in_bytes", "EINVAL", "memory.memsw.limit_in_bytes")
                .onlyIf(f -> f.hasMemsw, "swap accounting (memory.memsw.*)"));
        rows.add(real("kernel: memory.memsw.limit_in_bytes below the memory limit", KernelRefusedException.class,
                f -> f.child().write("memory.memsw.limit_in_bytes", "128M"), "memory.memsw.limit_in_bytes", "EINVAL", "may not be lower")
                .onlyIf(f -> f.hasMemsw, "swap accounting (memory.memsw.*)"));
        rows.add(real("kernel: long value with a newline to a file jcg does not check", KernelRefusedException.class,
                f -> f.child().write("memory.swappiness", "60\n" + "x".repeat(70)), "memory.swappiness", "EINVAL"));
        rows.add(real("kernel: cpuset.cpus outside the parent's cpuset", KernelRefusedException.class,
                f -> f.narrowX().write("cpuset.cpus", Integer.toString(f.otherCpu)), "cpuset.cpus", "parent")
                .onlyIf(f -> f.narrowCpu.isPresent(), "a writable v1 cpuset hierarchy and two CPUs"));
        rows.add(real("kernel: cpuset.mems with a node the host lacks", KernelRefusedException.class,
                f -> f.narrowX().write("cpuset.mems", Integer.toString(f.missingNode)), "cpuset.mems", "EINVAL", "must exist, be online")
                .onlyIf(f -> f.narrowCpu.isPresent(), "a writable v1 cpuset hierarchy and two CPUs"));
        rows.add(real("kernel: cpuset.cpus=8000 (beyond the host's CPUs)", KernelRefusedException.class,
                f -> f.narrowX().write("cpuset.cpus", "8000"), "cpuset.cpus", "ERANGE", "outside the range")
                .onlyIf(f -> f.narrowCpu.isPresent(), "a writable v1 cpuset hierarchy and two CPUs"));
        rows.add(real("kernel: +cpu in a v2 subtree_control while cpu is bound to v1", KernelRefusedException.class,
                f -> f.parent().write("cgroup.subtree_control", "+cpu"), "cgroup.subtree_control", "ENOENT", "bound to a v1 hierarchy")
                .onlyIf(f -> f.hasUnifiedParent, "a writable cgroup2 mount"));
        rows.add(real("kernel: cgroup.procs with a pid that cannot exist", KernelRefusedException.class,
                f -> f.child().write("cgroup.procs", Integer.toString(Integer.MAX_VALUE)),
                "ESRCH", "no process with id 2147483647"));

        // ---- apply: a write in the middle is refused, the earlier ones are undone
        rows.add(real("apply: period written, quota refused, period undone (pids never written)", KernelRefusedException.class,
                f -> f.child().apply(Resources.builder().cpuPeriodMicros(200_000).cpuQuota(Limit.of(500_000))
                        .pidsMax(Limit.of(50)).build()),
                "cpu.cfs_quota_us", "EINVAL", "may not exceed its parent's", "earlier writes of this change were undone"));
        rows.add(real("apply: quota and shares written, memory refused, both undone", KernelRefusedException.class,
                f -> f.child().apply(Resources.builder().cpuQuota(Limit.of(30_000)).cpuWeight(CpuWeight.shares(2048))
                        .memoryMax(Limit.of(1L << 30)).pidsMax(Limit.of(50)).build()),
                "memory.limit_in_bytes", "EINVAL", "earlier writes of this change were undone")
                .onlyIf(f -> f.hasMemsw, "swap accounting (memory.memsw.*)"));
        rows.add(real("apply: burst alone above the current quota", KernelRefusedException.class,
                f -> f.child().apply(Resources.builder().cpuBurstMicros(30_000).build()),
                "cpu.cfs_burst_us", "EINVAL", "burst may not exceed the quota")
                .onlyIf(f -> f.hasBurst, "cpu.cfs_burst_us (Linux 5.14+)"));

        // ---- create refused part way: everything made is removed again
        rows.add(real("create: every hierarchy, the v2 one refuses (cgroup.max.depth), all undone", KernelRefusedException.class,
                f -> f.host.group(f.name + "/narrow/a/b", ControllerSelection.all()).create(),
                "cannot create", "EAGAIN", "cgroup.max.depth")
                .onlyIf(f -> f.hasUnifiedParent && f.narrowCpu.isPresent(), "a writable cgroup2 mount and v1 cpuset"));

        // ---- processes
        rows.add(real("attach: pid -5", InvalidValueException.class,
                f -> f.busy().attach(-5), "pid must be a positive process id", "(got -5)"));
        rows.add(real("attach: pid 0", InvalidValueException.class,
                f -> f.busy().attach(0), "pid must be a positive process id", "(got 0)"));
        rows.add(real("attach: a process that has exited", CgroupException.class,
                f -> {
                    assumeTrue(!Files.exists(Path.of("/proc/" + f.exitedPid)), "the exited pid was reused");
                    f.busy().attach(f.exitedPid);
                }, "no process with id ${EXITED}", "check the pid"));
        rows.add(real("attach: to a group that does not exist", GroupNotFoundException.class,
                f -> f.group("nosuch", RealHostFixture.NO_MEMORY).attach(f.sleeperPid),
                "cgroup '/${P}/nosuch' does not exist", "create it first"));
        rows.add(real("attach: moved in cpu, missing in pids, moved back", GroupNotFoundException.class,
                f -> f.group("halfcpu", "cpu,pids").attach(f.sleeperPid),
                "cgroup '/${P}/halfcpu' does not exist in the pids hierarchy"));

        // ---- delete
        rows.add(real("delete: a group with children, not recursive", GroupBusyException.class,
                f -> f.parent().delete(), "cgroup /${P} has child groups", "/${P}/busy", "delete recursively (-r)"));
        rows.add(real("delete: a group holding a process", GroupBusyException.class,
                f -> f.busy().delete(), "cgroup /${P}/busy still has 1 process (${PID})", "move them out first"));
        rows.add(real("delete: a group that does not exist", GroupNotFoundException.class,
                f -> f.group("nosuch").delete(), "cgroup '/${P}/nosuch' does not exist"));

        return rows.stream().map(r -> Arguments.of(Named.of(r.name(), r)));
    }

    // ====================================================================== the fake v2 tree

    Stream<Arguments> fakeV2Rows() {
        List<Row<FakeV2Host>> rows = new ArrayList<>();
        rows.add(fake("create: io, which the v2 root's cgroup.controllers does not offer", ControllerNotAvailableException.class,
                f -> f.host.group("app", ControllerSelection.parse("cpu,io")).create(),
                "the io controller", "available: cpu, memory, pids"));
        rows.add(fake("create: rdma, which the v2 root does not offer (nested path)", ControllerNotAvailableException.class,
                f -> f.host.group("app/web", ControllerSelection.of(Controller.CPU, Controller.RDMA)).create(),
                "the rdma controller", "available: cpu, memory, pids"));
        rows.add(fake("write: through a cpu.max that is a symbolic link out of the tree", CgroupException.class,
                f -> f.group("linked").write("cpu.max", "50000 100000"), "cpu.max", "symbolic link"));
        rows.add(fake("write: into a group reached through a linked directory", InvalidGroupPathException.class,
                f -> f.group("escape/inner").write("cpu.max", "50000 100000"), "outside the hierarchy"));
        rows.add(fake("apply: to a group reached through a linked directory", InvalidGroupPathException.class,
                f -> f.group("escape/inner").apply(Resources.builder().cpuMax(Limit.of(50_000), 100_000).build()),
                "outside the hierarchy"));
        rows.add(fake("create: below a linked directory", InvalidGroupPathException.class,
                f -> f.group("escape/child").create(), "symbolic link", "refusing to create a group through it"));
        rows.add(fake("delete: a group reached through a linked directory", InvalidGroupPathException.class,
                f -> f.group("escape/inner").delete(), "outside the hierarchy"));
        rows.add(fake("write: cpu.max quota 500", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", "500 100000"), "cpu.max quota must be from 1000 to", "or max", "(got 500)"));
        rows.add(fake("write: cpu.max period 2000000", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", "50000 2000000"), "cpu.max period must be from 1000 to 1000000 µs", "(got 2000000)"));
        rows.add(fake("write: cpu.max period 999", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", "max 999"), "cpu.max period must be from 1000 to 1000000 µs", "(got 999)"));
        rows.add(fake("write: cpu.max quota abc", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", "abc 100000"), "cpu.max must be max or a quota in µs", "(got 'abc')"));
        rows.add(fake("write: cpu.max empty", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", ""), "cpu.max must be '$MAX $PERIOD'"));
        rows.add(fake("write: cpu.max three fields", InvalidValueException.class,
                f -> f.group("g").write("cpu.max", "50000 100000 7"), "cpu.max must be '$MAX $PERIOD'"));
        rows.add(fake("write: cpu.max.burst -1", InvalidValueException.class,
                f -> f.group("g").write("cpu.max.burst", "-1"), "cpu.max.burst must be from 0 to", "(got -1)"));
        rows.add(fake("write: cpu.weight 0", InvalidValueException.class,
                f -> f.group("g").write("cpu.weight", "0"), "cpu.weight must be from 1 to 10000", "(got 0)"));
        rows.add(fake("write: cpu.weight.nice 20", InvalidValueException.class,
                f -> f.group("g").write("cpu.weight.nice", "20"), "cpu.weight.nice must be from -20 to 19", "(got 20)"));
        rows.add(fake("write: memory.max -1 (v2 spells no limit max)", InvalidValueException.class,
                f -> f.group("g").write("memory.max", "-1"), "memory.max must be a number of bytes", "or max", "(got '-1')"));
        rows.add(fake("write: memory.max MAX (the kernel only takes lower-case max)", InvalidValueException.class,
                f -> f.group("g").write("memory.max", "MAX"), "memory.max", "max"));
        rows.add(fake("write: cgroup.freeze 2", InvalidValueException.class,
                f -> f.group("g").write("cgroup.freeze", "2"), "cgroup.freeze must be 0 or 1", "(got '2')"));
        rows.add(fake("write: cgroup.kill 0", InvalidValueException.class,
                f -> f.group("g").write("cgroup.kill", "0"), "cgroup.kill must be 1", "(got '0')"));
        rows.add(fake("write: io.max with an unknown key", InvalidValueException.class,
                f -> f.group("g").write("io.max", "8:0 foo=1"), "must be one of rbps=, wbps=, riops=, wiops=", "(got 'foo=1')"));
        rows.add(fake("write: io.max rbps=0", InvalidValueException.class,
                f -> f.group("g").write("io.max", "8:0 rbps=0"), "io.max rbps must be at least 1, or max", "(got 0)"));
        rows.add(fake("apply: io on a host whose v2 root does not offer io", ControllerNotAvailableException.class,
                f -> f.group("g").apply(Resources.builder().cpuMax(Limit.of(50_000), 100_000).io(new IoDeviceLimit(new BlockDevice(8, 0),
                        Optional.of(Limit.of(1 << 20)), Optional.empty(), Optional.empty(), Optional.empty())).build()),
                "io.max", "the io controller is not mounted", "available: cpu, memory, pids"));
        rows.add(fake("apply: pids.max on a group whose parent does not enable pids", ControllerNotAvailableException.class,
                f -> f.group("g").apply(Resources.builder().cpuMax(Limit.of(50_000), 100_000).pidsMax(Limit.of(10)).build()),
                "cgroup /g has no pids.max", "not enabled for it", "jcg create -g pids:/g"));
        return rows.stream().map(r -> Arguments.of(Named.of(r.name(), r)));
    }

    // ====================================================================== the check

    /** Runs one row; returns whether the disk was left as it was. */
    private static <F> boolean check(Row<F> row, F fixture, java.util.function.Supplier<Map<String, String>> snapshot,
                                     Map<String, String> vars) {
        Map<String, String> before = snapshot.get();
        Throwable thrown = catchThrowable(() -> row.action().run(fixture));
        if (thrown instanceof org.opentest4j.TestAbortedException aborted) {
            throw aborted;
        }
        Map<String, String> after = snapshot.get();
        List<String> changes = differences(before, after);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(thrown).as("what was thrown").isInstanceOf(row.type());
        if (thrown != null) {
            String message = String.valueOf(thrown.getMessage());
            soft.assertThat(message).as("the message is one line: %s", message).doesNotContain("\n").doesNotContain("\r");
            for (String word : row.words()) {
                String expected = substitute(word, vars);
                soft.assertThat(message).as("the message names '%s'", expected).contains(expected);
            }
        }
        soft.assertThat(changes).as("changes on disk").isEmpty();
        soft.assertAll();
        return changes.isEmpty() && thrown != null;
    }

    private static String substitute(String word, Map<String, String> vars) {
        String out = word;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    private static List<String> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String b = before.get(key);
            String a = after.get(key);
            if (b == null) {
                out.add("appeared: " + key + " = " + printable(a));
            } else if (a == null) {
                out.add("vanished: " + key + " (was " + printable(b) + ")");
            } else if (!a.equals(b)) {
                out.add("changed: " + key + ": " + printable(b) + " -> " + printable(a));
            }
        }
        return out;
    }

    private static String printable(String text) {
        return "'" + text.strip().replace("\n", "\\n") + "'";
    }

    // ====================================================================== rows

    @FunctionalInterface
    interface Action<F> {
        void run(F fixture) throws Exception;
    }

    /**
     * One bad input: what to do, what must be thrown, and words its message must contain.
     * {@code applies} says whether this host has what the row needs ({@code requirement}).
     */
    record Row<F>(String name, Class<? extends Throwable> type, List<String> words, Action<F> action,
                  Predicate<F> applies, String requirement) {
        Row<F> onlyIf(Predicate<F> test, String what) {
            return new Row<>(name, type, words, action, test, what);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Row<RealHostFixture> real(String name, Class<? extends Throwable> type, Action<RealHostFixture> action,
                                             String... words) {
        return new Row<>(name, type, List.of(words), action, f -> true, "nothing");
    }

    private static Row<FakeV2Host> fake(String name, Class<? extends Throwable> type, Action<FakeV2Host> action,
                                        String... words) {
        return new Row<>(name, type, List.of(words), action, f -> true, "nothing");
    }
}
