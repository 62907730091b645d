package io.github.jcg.core;

/**
 * A limit or value was refused before it was written, because the kernel would refuse
 * it too (out of range, malformed, or meaningless on this cgroup version). The message
 * names the setting, the value and the accepted range.
 */
public final class InvalidValueException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * A value refused for one setting; {@link #file()} reports the setting, {@link #value()} the value.
     *
     * @param setting the control file or setting, such as {@code memory.max} or {@code cpu limit}
     * @param value   the value as given (quoted by the caller where that helps)
     * @param why     what the kernel accepts, phrased to follow the setting's name ("must be …")
     */
    public InvalidValueException(String setting, String value, String why) {
        super(Printable.of(setting) + " " + why + " (got " + Printable.of(value) + ")", null, setting, value, null, null);
    }

    /**
     * For a refusal that is not about one value's range, such as a malformed file name.
     *
     * @param message one line for a person
     */
    public InvalidValueException(String message) {
        super(message);
    }
}
