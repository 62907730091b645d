package io.github.jcg.it.support;

import org.junit.jupiter.api.Assumptions;

/** Skips that say why, on stderr (in the build log) as well as in the test report. */
public final class Skip {
    private Skip() {
    }

    public static void unless(boolean condition, String reason) {
        if (!condition) {
            because(reason);
        }
    }

    public static void because(String reason) {
        System.err.println("SKIPPED: " + reason);
        System.err.flush();
        Assumptions.abort(reason);
    }
}
