package io.github.jcg.kube.admission;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The API server's ways of printing errors (apimachinery's errors and field packages). */
final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * utilerrors' aggregate: one message alone, several in brackets joined by ", ", each message
     * once.
     */
    static String aggregate(List<String> messages) {
        Set<String> distinct = new LinkedHashSet<>(messages);
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return "[" + String.join(", ", distinct) + "]";
    }

    /** admission.NewForbidden for a named pod: HTTP 403. */
    static AdmissionException forbidden(String podName, String message) {
        return new AdmissionException(AdmissionException.Reason.FORBIDDEN,
                "pods " + quote(podName) + " is forbidden: " + message);
    }

    /** apierrors.NewInvalid for a named pod, over field errors: HTTP 422. */
    static AdmissionException invalid(String podName, List<String> fieldErrors) {
        return new AdmissionException(AdmissionException.Reason.INVALID,
                "Pod " + quote(podName) + " is invalid: " + aggregate(fieldErrors));
    }

    /** field.Invalid with a string value, printed as field.Error does. */
    static String invalidValue(String path, String value, String detail) {
        return path + ": Invalid value: " + quote(value) + ": " + detail;
    }

    /** field.Required, printed as field.Error does. */
    static String requiredValue(String path, String detail) {
        return path + ": Required value: " + detail;
    }

    /** Go's %q for the plain strings the API allows in names and quantities. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
