package io.github.jcg.cli.commands;

import io.github.jcg.cli.getopt.UsageException;

/** What commands share about their output: the {@code -o FORMAT} choice. */
final class Outputs {
    private Outputs() {
    }

    /** True for {@code json}, false for {@code text}; anything else is wrong usage. */
    static boolean isJson(String format) {
        return switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UsageException("unknown output format '" + format + "'; use text or json");
        };
    }
}
