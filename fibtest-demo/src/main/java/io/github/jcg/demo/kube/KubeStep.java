package io.github.jcg.demo.kube;

/** The three steps of act two, in the order they run. */
public enum KubeStep {
    /** Two Burstable pods without limits: their requests split the CPU through cpu.shares / cpu.weight. */
    REQUESTS("requests", "requests split CPU by weight"),
    /** big recreated with a CPU limit: a CFS quota throttles it, small takes the CPU it leaves. */
    CPU_LIMIT("cpu-limit", "a CPU limit throttles"),
    /** hog over its memory limit: the kernel's OOM killer ends it. */
    MEMORY_LIMIT("memory-limit", "a memory limit OOM-kills");

    private final String key;
    private final String story;

    KubeStep(String key, String story) {
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

    /** @return the step's number, from 1 */
    public int number() {
        return ordinal() + 1;
    }
}
