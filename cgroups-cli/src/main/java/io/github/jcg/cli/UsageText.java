package io.github.jcg.cli;

/**
 * A tool's {@code -h} text, laid out as libcgroup lays out its own: {@code Usage:} and
 * {@code or:} lines, a sentence, then one line per option with its description in a column.
 */
public final class UsageText {
    private static final int COLUMN = 32;

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private boolean synopsisGiven;

    public UsageText(String name) {
        this.name = name;
    }

    /** A synopsis line: the first is {@code Usage: <name> <arguments>}, the others {@code    or: …}. */
    public UsageText synopsis(String arguments) {
        text.append(synopsisGiven ? "   or: " : "Usage: ").append(name).append(' ').append(arguments).append('\n');
        synopsisGiven = true;
        return this;
    }

    /** A line of prose. */
    public UsageText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** An option and what it does; a long option spelling pushes the description to the next line. */
    public UsageText option(String flags, String description) {
        text.append("  ").append(flags);
        int used = 2 + flags.length();
        if (used >= COLUMN) {
            text.append('\n');
            used = 0;
        }
        text.append(" ".repeat(COLUMN - used)).append(description).append('\n');
        return this;
    }

    /** The options every getopt command of jcg accepts. */
    public UsageText commonOptions() {
        option("-h, --help", "Show this help");
        return option("--debug", "On failure, print the stack trace after the one-line error");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
