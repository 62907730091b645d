package io.github.jcg.it.vm;

import io.github.jcg.it.support.Skip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    static void buildTheImage() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("qemu-system-x86_64", "cpio", "busybox")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String why = !root ? "the VM lane packs device nodes into its initramfs and needs root"
                : !missing.isEmpty() ? "the VM lane needs " + String.join(", ", missing)
                        + " (apt-get install qemu-system-x86 cpio busybox-static; ./run-tests installs them)" : null;
        if (why != null) {
            if ("1".equals(System.getenv("JCG_IT_REQUIRE_VM"))) {
                throw new AssertionError("JCG_IT_REQUIRE_VM=1 but " + why);
            }
            Skip.because(why);
        }
        Result r = run(600, SCRIPTS.resolve("build-vm.sh").toString(), VM_DIR.resolve("lib").toString(), VM_DIR.toString());
        if (r.status != 0) {
            throw new AssertionError("build-vm.sh failed (exit " + r.status + "):\n" + r.output);
        }
        System.out.println(r.output.strip());
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
            r = run(GUEST_SECONDS + 30, SCRIPTS.resolve("run-vm.sh").toString(), layout, VM_DIR.toString());
            System.out.println(r.output.strip());
            report = r.status == 0 ? GuestReport.read(VM_DIR.resolve("reports-" + layout)) : null;
        } catch (IOException | InterruptedException e) {
            return Stream.of(DynamicTest.dynamicTest("the " + layout + " guest booted and reported", () -> {
                throw new AssertionError("could not run the " + layout + " guest: " + e, e);
            }));
        }
        if (report == null || report.cases().isEmpty()) {
            String output = r.output;
            return Stream.of(DynamicTest.dynamicTest("the " + layout + " guest booted and reported", () -> {
                throw new AssertionError("the " + layout + " guest ran no test (exit " + r.status + "):\n" + output);
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

    private record Result(int status, String output) {
    }

    private static Result run(int seconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jcg-vm", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return new Result(124, Files.readString(log, StandardCharsets.UTF_8) + "\n(" + String.join(" ", command)
                        + " did not finish in " + seconds + " s)");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
