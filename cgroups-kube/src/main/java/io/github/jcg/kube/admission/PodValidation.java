package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of pod validation that reads resources (pkg/apis/core/validation's
 * ValidateResourceRequirements): no negative amounts; a request at most its limit; for
 * hugepages and extended resources, which cannot be overcommitted, a limit equal to the request.
 * The checks on resource names and on integer amounts of extended resources are not made here.
 */
final class PodValidation {
    private static final String NEGATIVE = "must be greater than or equal to 0";

    private PodValidation() {
    }

    /** The field errors of the pod's resources, regular containers first; empty when valid. */
    static List<String> validate(Pod pod) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < pod.containers().size(); i++) {
            validate(pod.containers().get(i), "spec.containers[" + i + "].resources", errors);
        }
        for (int i = 0; i < pod.initContainers().size(); i++) {
            validate(pod.initContainers().get(i), "spec.initContainers[" + i + "].resources", errors);
        }
        return errors;
    }

    private static void validate(Container c, String path, List<String> errors) {
        String limitsPath = path + ".limits";
        String requestsPath = path + ".requests";
        for (Map.Entry<String, Quantity> limit : c.limits().entries().entrySet()) {
            if (limit.getValue().signum() < 0) {
                errors.add(ApiErrors.invalidValue(limitsPath + "[" + limit.getKey() + "]",
                        limit.getValue().toString(), NEGATIVE));
            }
        }
        for (Map.Entry<String, Quantity> request : c.requests().entries().entrySet()) {
            String name = request.getKey();
            Quantity amount = request.getValue();
            if (amount.signum() < 0) {
                errors.add(ApiErrors.invalidValue(requestsPath + "[" + name + "]", amount.toString(), NEGATIVE));
            }
            Quantity limit = c.limits().get(name).orElse(null);
            boolean overcommit = ResourceNames.isOvercommitAllowed(name);
            if (limit != null) {
                if (amount.compareTo(limit) != 0 && !overcommit) {
                    errors.add(ApiErrors.invalidValue(requestsPath, amount.toString(),
                            "must be equal to " + name + " limit of " + limit));
                } else if (amount.compareTo(limit) > 0) {
                    errors.add(ApiErrors.invalidValue(requestsPath, amount.toString(),
                            "must be less than or equal to " + name + " limit of " + limit));
                }
            } else if (!overcommit) {
                errors.add(ApiErrors.requiredValue(limitsPath, "Limit must be set for non overcommitable resources"));
            }
        }
    }
}
