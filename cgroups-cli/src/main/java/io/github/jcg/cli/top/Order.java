package io.github.jcg.cli.top;

import java.util.Locale;

/** What the rows are sorted by: systemd-cgtop's {@code --order=} values and keys. */
public enum Order {
    PATH('p'), TASKS('t'), CPU('c'), MEMORY('m'), IO('i');

    private final char key;

    Order(char key) {
        this.key = key;
    }

    public char key() {
        return key;
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order for {@code --order=VALUE}; throws with the accepted values otherwise. */
    public static Order parse(String value) {
        for (Order o : values()) {
            if (o.optionValue().equals(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Invalid argument to --order=: " + value + " (use path, tasks, cpu, memory or io)");
    }

    /** The order a key selects, or null. */
    public static Order ofKey(int key) {
        for (Order o : values()) {
            if (o.key == key) {
                return o;
            }
        }
        return null;
    }
}
