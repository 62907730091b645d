package io.github.jcg.demo;

/** The four acts of the demo, in order. */
public enum PhaseRole {
    BASELINE("baseline", "no limit: the workload on its own"),
    CHOKED("choked", "the article's cpu.cfs_period_us=50000, cpu.cfs_quota_us=1000"),
    MIDDLE("middle", "a middle limit"),
    RESTORED("restored", "the limit removed again");

    private final String label;
    private final String story;

    PhaseRole(String label, String story) {
        this.label = label;
        this.story = story;
    }

    /** The phase's name in the report, progress and JSON. */
    public String label() {
        return label;
    }

    /** One phrase saying what the phase shows. */
    public String story() {
        return story;
    }
}
