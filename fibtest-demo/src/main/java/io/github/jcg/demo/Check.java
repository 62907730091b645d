package io.github.jcg.demo;

/**
 * One of the rules the demo measures the kernel against, and how it came out.
 *
 * @param name      short name, stable for scripts ({@code choked-share})
 * @param passed    whether the measurement kept the rule
 * @param detail    the rule and the numbers, in words
 * @param tolerance which tolerance judged it: {@link #AS_STATED} for the rule as {@link Checks}
 *                  states it, {@link #EMULATED_CPU} where the CPU is emulated and a period's
 *                  cost changes what the rule can expect
 */
public record Check(String name, boolean passed, String detail, String tolerance) {
    public static final String AS_STATED = "as stated";
    public static final String EMULATED_CPU = "emulated CPU";

    public Check(String name, boolean passed, String detail) {
        this(name, passed, detail, AS_STATED);
    }
}
