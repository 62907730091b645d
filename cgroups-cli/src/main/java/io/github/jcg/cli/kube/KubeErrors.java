package io.github.jcg.cli.kube;

import io.github.jcg.cli.ToolException;
import io.github.jcg.core.CgroupException;
import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.admission.AdmissionException;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The exit statuses of {@code jcg kube}, as kubectl's: 1 for a refused or malformed object and
 * for a cgroup the kernel would not make or write; the message is the one line the library
 * wrote (the API server's words for an admission refusal).
 */
final class KubeErrors {
    /** kubectl's status for every failure. */
    static final int FAILED = 1;

    private KubeErrors() {
    }

    static ToolException fail(String message) {
        return new ToolException(FAILED, message);
    }

    static <T> T manifests(Supplier<T> read) {
        try {
            return read.get();
        } catch (ManifestException | UncheckedIOException | IllegalArgumentException e) {
            throw new ToolException(FAILED, e.getMessage(), e);
        }
    }

    static <T> T admission(Supplier<T> admit) {
        try {
            return admit.get();
        } catch (AdmissionException | ManifestException e) {
            throw new ToolException(FAILED, e.getMessage(), e);
        }
    }

    static void cgroups(Runnable change) {
        try {
            change.run();
        } catch (CgroupException e) {
            throw new ToolException(FAILED, e.getMessage(), e);
        }
    }
}
