package io.github.jcg.core;

/**
 * A control-file setting named in one cgroup version's vocabulary that cannot be carried over
 * to the other's (see {@link io.github.jcg.core.limit.Vocabulary}): a name no translation
 * knows, a name that has no counterpart, or a value that cannot be converted.
 * {@link #reason()} tells which, as libcgroup's cgxget and cgxset tell them apart.
 */
public final class UnmappableSettingException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /** Why a setting cannot be translated. */
    public enum Reason {
        /** Neither jcg nor libcgroup knows a counterpart for the name (libcgroup's ECGINVAL); never skipped. */
        UNKNOWN_NAME,
        /**
         * The name is known to have no equivalent in the other version (libcgroup's
         * ECGNOVERSIONCONVERT); cgxget and cgxset skip it when asked to ({@code -i}).
         */
        NO_EQUIVALENT,
        /** The setting has a counterpart, but this value cannot be converted to it (libcgroup's ECGFAIL). */
        UNCONVERTIBLE_VALUE
    }

    private final Reason reason;

    /**
     * @param setting the setting's name, in the vocabulary it was given in
     * @param value   the value that cannot be converted, or null
     */
    public UnmappableSettingException(String message, String setting, String value, Reason reason) {
        super(message, null, setting, value, null, null);
        this.reason = java.util.Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
