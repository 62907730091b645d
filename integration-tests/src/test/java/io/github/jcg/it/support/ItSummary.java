package io.github.jcg.it.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints, at the end of the integration tests, how many container, host and VM tests ran
 * (the VM lane's per layout: {@code vm tests: v2: 40 ran (40 passed, 0 failed), 2 skipped}) and
 * how many were skipped and why, so the CI log says plainly whether every lane really ran. Registered through {@code META-INF/services}; silent outside failsafe (where
 * {@code jcg.it.summary} is not set).
 */
public final class ItSummary implements TestExecutionListener {
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Set<String> counted = new java.util.HashSet<>();
    private TestPlan plan;
    private final Map<String, Set<String>> reasons = new TreeMap<>();

    private static final int PASSED = 0;
    private static final int FAILED = 1;
    private static final int SKIPPED = 2;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        countWithTests(test, reason);
    }

    /** A skipped or aborted class: each test in it counts as skipped. */
    private void countWithTests(TestIdentifier test, String reason) {
        if (test.isTest()) {
            count(test, SKIPPED, reason);
        } else if (plan != null) {
            List<TestIdentifier> tests = plan.getDescendants(test).stream().filter(TestIdentifier::isTest).toList();
            tests.forEach(t -> count(t, SKIPPED, reason));
            if (tests.isEmpty() && isVmLane(test)) {
                // the VM lane's tests exist only once a guest has run: a lane skipped before that has none
                counts.computeIfAbsent("vm", k -> new int[3]);
                reasons.computeIfAbsent("vm", k -> new TreeSet<>()).add(reason);
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                // a class aborted in @BeforeAll: its tests never start
                countWithTests(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
            } else if (result.getStatus() == TestExecutionResult.Status.FAILED && plan != null) {
                // a class that failed in @BeforeAll: its tests count as failed
                plan.getDescendants(test).stream().filter(TestIdentifier::isTest).forEach(t -> count(t, FAILED, null));
            }
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> count(test, PASSED, null);
            case FAILED -> count(test, FAILED, null);
            case ABORTED -> count(test, SKIPPED, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void count(TestIdentifier test, int what, String reason) {
        if (!counted.add(test.getUniqueId())) {
            return;
        }
        String kind = kind(test);
        counts.computeIfAbsent(kind, k -> new int[3])[what]++;
        if (reason != null) {
            reasons.computeIfAbsent(kind, k -> new TreeSet<>()).add(reason.lines().findFirst().orElse(reason));
        }
    }

    private static boolean isVmLane(TestIdentifier test) {
        return test.getUniqueId().contains("VmLaneIT");
    }

    private String kind(TestIdentifier test) {
        if (isVmLane(test) && plan != null) {
            // the guest's tests sit in a container named after the layout they ran in
            return "vm: " + plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("?");
        }
        Set<String> tags = new TreeSet<>();
        for (TestTag t : test.getTags()) {
            tags.add(t.getName());
        }
        if (tags.contains("container")) {
            return "container";
        }
        if (tags.contains("host")) {
            return "host";
        }
        return "other";
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!Boolean.getBoolean("jcg.it.summary") || counts.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\n===== jcg integration tests =====\n");
        counts.forEach((kind, c) -> b.append(kind.startsWith("vm")
                ? String.format("vm tests: %s%d ran (%d passed, %d failed), %d skipped%n",
                        kind.startsWith("vm: ") ? kind.substring(4) + ": " : "", c[PASSED] + c[FAILED], c[PASSED], c[FAILED], c[SKIPPED])
                : String.format("%-9s tests: %d ran (%d passed, %d failed), %d skipped%n",
                        kind, c[PASSED] + c[FAILED], c[PASSED], c[FAILED], c[SKIPPED])));
        reasons.forEach((kind, rs) -> rs.forEach(r -> b.append("  skipped ").append(kind).append(": ").append(r).append('\n')));
        b.append("=================================");
        System.out.println(b);
        System.out.flush();
    }
}
