package io.github.jcg.cli.getopt;

/** One option as parsed: its key (the short letter) and its argument, or null. */
public record ParsedOption(char key, String value) {
}
