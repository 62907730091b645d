package io.github.jcg.demo;

/**
 * One of the rules the demo measures the kernel against, and how it came out.
 *
 * @param name   short name, stable for scripts ({@code choked-share})
 * @param passed whether the measurement kept the rule
 * @param detail the rule and the numbers, in words
 */
public record Check(String name, boolean passed, String detail) {
}
