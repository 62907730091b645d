package io.github.jcg.cli.top;

/** {@code --cpu=percentage|time}: the %CPU column as a share of one CPU, or as total CPU time. */
public enum CpuDisplay {
    PERCENTAGE, TIME;

    public static CpuDisplay parse(String value) {
        return switch (value) {
            case "percentage" -> PERCENTAGE;
            case "time" -> TIME;
            default -> throw new IllegalArgumentException("Unknown argument to --cpu=: " + value + " (use percentage or time)");
        };
    }

    public CpuDisplay toggled() {
        return this == PERCENTAGE ? TIME : PERCENTAGE;
    }
}
