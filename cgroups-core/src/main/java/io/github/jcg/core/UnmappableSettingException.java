package io.github.jcg.core;

import java.util.Objects;

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

    /** Why the setting cannot be translated. */
    private final Reason reason;

    /**
     * A setting that cannot be translated.
     *
     * @param message what cannot be translated and what to do instead, in one line
     * @param setting the setting's name, in the vocabulary it was given in
     * @param value   the value that cannot be converted, or null
     * @param reason  why it cannot be translated
     */
    public UnmappableSettingException(String message, String setting, String value, Reason reason) {
        super(message, null, setting, value, null, null);
        this.reason = Objects.requireNonNull(reason);
    }

    /**
     * Why the setting cannot be translated.
     *
     * @return the reason, as libcgroup's tools tell them apart (their exit status differs)
     */
    public Reason reason() {
        return reason;
    }
}
