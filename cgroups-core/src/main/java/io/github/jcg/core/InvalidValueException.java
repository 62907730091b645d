package io.github.jcg.core;

/**
 * A limit or value was refused before it was written, because the kernel would refuse
 * it too (out of range, malformed, or meaningless on this cgroup version). The message
 * names the setting, the value and the accepted range.
 */
public final class InvalidValueException extends CgroupException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String setting, String value, String why) {
        super(Printable.of(setting) + " " + why + " (got " + Printable.of(value) + ")", null, setting, value, null, null);
    }

    /** For a refusal that is not about one value's range, such as a malformed file name. */
    public InvalidValueException(String message) {
        super(message);
    }
}
