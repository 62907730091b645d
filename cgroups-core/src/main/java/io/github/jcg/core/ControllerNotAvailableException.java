package io.github.jcg.core;

/** A controller was asked for that this host does not mount or offer. */
public final class ControllerNotAvailableException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the controller and where it was looked for */
    public ControllerNotAvailableException(String message) {
        super(message);
    }
}
