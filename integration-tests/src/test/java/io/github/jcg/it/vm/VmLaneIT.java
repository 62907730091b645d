package io.github.jcg.it.vm;

import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Result;
import io.github.jcg.it.support.Skip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The VM lane: the core's, the CLI's and the demo's real-kernel test classes (every class named
 * {@code *KernelTest} in their test-jars), run unchanged inside QEMU on Debian's cloud kernel in
 * three cgroup layouts: pure v2, v1 only as distributions mount it, and split between the two.
 *
 * <p>{@code vm/build-vm.sh} packs the kernel, a jlinked runtime and the guest class path;
 * {@code vm/run-vm.sh} boots one layout and brings the guest's JUnit XML reports back. Each test
 * the guest ran becomes a test here, under a container named after the layout, so a failure in
 * the VM is reported by failsafe like any other, with the guest's message and stack trace.
 *
 * <p>Needs root, QEMU, cpio and busybox-static. Where they are missing the lane skips with the
 * reason, unless {@code JCG_IT_REQUIRE_VM=1} (set by {@code ./run-tests} as root, after it
 * installed them): then it fails, so a machine that should run the lane never skips it silently.
 * {@code -Djcg.it.vm.layouts=v2} runs fewer layouts.
 */
@Tag("vm")
class VmLaneIT {
    private static final Path SCRIPTS = Path.of(System.getProperty("jcg.it.vmScripts", "vm"));
    private static final Path VM_DIR = Path.of(System.getProperty("jcg.it.vmDir", "target/vm"));
    private static final List<String> LAYOUTS = Arrays.asList(System.getProperty("jcg.it.vm.layouts", "v2,v1,split").split(","));
    /** Seconds one guest may take, boot to power-off. */
    private static final int GUEST_SECONDS = Integer.getInteger("jcg.it.vm.guestSeconds", 420);

    @BeforeAll
    static void buildTheImage() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("qemu-system-x86_64", "cpio", "busybox")) {
            if (!Processes.onPath(tool)) {
                missing.add(tool);
            }
        }
        boolean root = HostCgroups.uid() == 0;
        String why = !root ? "the VM lane packs device nodes into its initramfs and needs root"
                : !missing.isEmpty() ? "the VM lane needs " + String.join(", ", missing)
                        + " (apt-get install qemu-system-x86 cpio busybox-static; ./run-tests installs them)" : null;
        if (why != null) {
            if ("1".equals(System.getenv("JCG_IT_REQUIRE_VM"))) {
                throw new AssertionError("JCG_IT_REQUIRE_VM=1 but " + why);
            }
            Skip.because(why);
        }
        Result r = Processes.run(List.of(SCRIPTS.resolve("build-vm.sh").toString(), VM_DIR.resolve("lib").toString(), VM_DIR.toString()),
                Duration.ofMinutes(10)).requireOk();
        System.out.println(r.err().strip());
    }

    @TestFactory
    Stream<DynamicNode> everyKernelTestInEveryLayout() {
        // a container's children are made when it runs: each layout boots in its turn
        return LAYOUTS.stream().map(layout -> DynamicContainer.dynamicContainer(layout, Stream.of(layout).flatMap(VmLaneIT::boot)));
    }

    private static Stream<DynamicNode> boot(String layout) {
        Result r;
        GuestReport report;
        try {
            // run-vm.sh bounds the guest itself; this limit only catches a hung script
            r = Processes.run(List.of(SCRIPTS.resolve("run-vm.sh").toString(), layout, VM_DIR.toString()),
                    Duration.ofSeconds(GUEST_SECONDS + 60), Map.of("JCG_VM_TIMEOUT", Integer.toString(GUEST_SECONDS)), null);
            System.out.println(r.err().strip());
            report = r.ok() ? GuestReport.read(VM_DIR.resolve("reports-" + layout)) : null;
        } catch (IOException | AssertionError e) {
            return Stream.of(DynamicTest.dynamicTest("the " + layout + " guest booted and reported", () -> {
                throw new AssertionError("could not run the " + layout + " guest: " + e.getMessage(), e);
            }));
        }
        if (report == null || report.cases().isEmpty()) {
            Result failed = r;
            return Stream.of(DynamicTest.dynamicTest("the " + layout + " guest booted and reported", () -> {
                throw new AssertionError("the " + layout + " guest ran no test: " + failed);
            }));
        }
        return report.cases().stream().map(c -> DynamicTest.dynamicTest(c.simpleClassName() + "." + c.name(), () -> replay(layout, c)));
    }

    /** Ends as the guest's test ended: passes, skips with its reason, or fails with its message and stack. */
    private static void replay(String layout, GuestReport.Case c) {
        switch (c.outcome()) {
            case PASSED -> { }
            case SKIPPED -> {
                System.err.println("SKIPPED in the " + layout + " guest: " + c.simpleClassName() + "." + c.name() + ": " + c.detail());
                Assumptions.abort(c.detail());
            }
            case FAILED -> {
                if (!c.output().isBlank()) {
                    System.out.println(c.output());
                }
                AssertionError e = new AssertionError("in the " + layout + " guest, " + c.simpleClassName() + "." + c.name() + ": " + c.detail());
                e.setStackTrace(GuestReport.frames(c.trace()));
                throw e;
            }
        }
    }
}
