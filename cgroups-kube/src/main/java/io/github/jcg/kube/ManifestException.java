package io.github.jcg.kube;

/**
 * Bad input in a manifest or a configuration: a malformed quantity, an unknown kind, a limit
 * below its request, a pod without containers. The message is one line that names the field
 * (for example {@code spec.containers[0].resources.limits.cpu}) and what was wrong with it.
 */
public class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the field and what is wrong
     */
    public ManifestException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the field and what is wrong
     * @param cause   the parser's own error
     */
    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
