package io.github.jcg.kube.admission;

/**
 * The API server refused a pod. {@link #getMessage()} is the API server's own text, word for
 * word, so that it can be compared with what {@code kubectl apply} prints (less kubectl's
 * {@code Error from server (Forbidden): } prefix), for example
 * {@code pods "web" is forbidden: minimum cpu usage per Container is 100m, but request is 50m}.
 */
public final class AdmissionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which kind of status the API server answers with. */
    public enum Reason {
        /** HTTP 403: an admission plugin (LimitRanger, ResourceQuota) refused the pod. */
        FORBIDDEN,
        /** HTTP 422: the pod failed validation (a request above its limit, a negative amount). */
        INVALID
    }

    /** Whether a plugin forbade the pod or validation found it invalid. */
    private final Reason reason;

    AdmissionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return whether the pod was forbidden by a plugin or invalid */
    public Reason reason() {
        return reason;
    }
}
