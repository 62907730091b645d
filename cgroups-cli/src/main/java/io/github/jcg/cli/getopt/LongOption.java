package io.github.jcg.cli.getopt;

/**
 * A GNU long option ({@code struct option}): its name, whether it takes an argument, and the
 * short option it stands for (or another key when it has no short form).
 */
public record LongOption(String name, Argument argument, char key) {
    public enum Argument { NONE, REQUIRED, OPTIONAL }

    public static LongOption flag(String name, char key) {
        return new LongOption(name, Argument.NONE, key);
    }

    public static LongOption withValue(String name, char key) {
        return new LongOption(name, Argument.REQUIRED, key);
    }
}
