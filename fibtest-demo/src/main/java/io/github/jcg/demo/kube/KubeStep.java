package io.github.jcg.demo.kube;

/** The steps of act two, in the order they run. */
public enum KubeStep {
    /**
     * Two Burstable pods without limits, both on every CPU: their requests split the CPU through
     * cpu.shares / cpu.weight, as the scheduler balances them across CPUs.
     */
    REQUESTS("1", "requests", "requests split CPU by weight"),
    /**
     * The same two pods, every thread of both confined to one CPU: there the weights alone
     * decide, and the split is the requests' 1:3.
     */
    ONE_CPU("1b", "one-cpu", "one contended CPU splits 1:3"),
    /** big recreated with a CPU limit: a CFS quota throttles it, small takes the CPU it leaves. */
    CPU_LIMIT("2", "cpu-limit", "a CPU limit throttles"),
    /** hog over its memory limit: the kernel's OOM killer ends it. */
    MEMORY_LIMIT("3", "memory-limit", "a memory limit OOM-kills");

    private final String label;
    private final String key;
    private final String story;

    KubeStep(String label, String key, String story) {
        this.label = label;
        this.key = key;
        this.story = story;
    }

    /** @return a short stable name for scripts ({@code cpu-limit}) */
    public String key() {
        return key;
    }

    /** @return what the step shows, in words */
    public String story() {
        return story;
    }

    /**
     * @return the step's number as the report prints it ({@code 1}, {@code 1b}, {@code 2}, {@code 3}):
     *         the contended-CPU step is a second look at step 1's pods, not a step of its own
     */
    public String label() {
        return label;
    }
}
