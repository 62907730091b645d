package io.github.jcg.core;

import io.github.jcg.core.internal.controller.Controllers;
import io.github.jcg.core.internal.fs.ConfinedDirectory;

import java.io.IOException;
import java.util.Optional;

/**
 * Turns an errno from a cgroup file or directory into words: what the kernel's refusal
 * means for that particular file, and what to do about it. A controller's files are
 * explained by its module ({@code ControllerModule#explainRefusal}) where it knows better;
 * the core's files and the words every file gets are here.
 */
final class KernelErrors {
    private KernelErrors() {
    }

    /** A write that failed: opening the file ({@code e} the open's failure) or the {@code write(2)} itself. */
    static KernelRefusedException writeRefused(Placement at, String file, String value, IOException e) {
        boolean valueRefused = e instanceof ConfinedDirectory.ValueRefusedException;
        IOException failure = e instanceof ConfinedDirectory.ValueRefusedException v ? v.writeFailure() : e;
        Errno errno = Errno.of(failure);
        String message = "cannot write '" + printable(value) + "' to " + at.dir().resolve(file) + ": "
                + errno + ": " + explainWrite(at, file, value, errno, failure);
        return new KernelRefusedException(message, at.path().toString(), file, value, errno, e, valueRefused);
    }

    static CgroupException readFailed(Placement at, String file, IOException e) {
        Errno errno = Errno.of(e);
        String why = switch (errno) {
            case ENOENT -> "no such control file in this group"
                    + (at.hierarchy().version() == CgroupVersion.V2
                    ? " (is its controller enabled in the parent's cgroup.subtree_control?)" : "");
            case EACCES, EPERM -> permission();
            case EOPNOTSUPP -> file.equals("cgroup.procs") && at.hierarchy().version() == CgroupVersion.V2
                    ? "the group is threaded: its processes belong to the threaded domain above it; its threads are"
                    + " listed in cgroup.threads"
                    : "the file cannot be read (it is write-only, e.g. cgroup.kill or memory.force_empty)";
            case EINVAL -> "the file cannot be read (it is write-only, e.g. cgroup.kill or memory.force_empty)";
            default -> detail(e);
        };
        return new CgroupException("cannot read " + at.dir().resolve(file) + ": " + errno + ": " + why,
                at.path().toString(), file, null, errno, e);
    }

    static KernelRefusedException directoryRefused(Placement at, String action, IOException e) {
        Errno errno = Errno.of(e);
        String why = switch (errno) {
            case EACCES, EPERM -> permission();
            case EROFS -> readOnly();
            case EBUSY, ENOTEMPTY -> "the group still has processes or child groups";
            case EAGAIN -> "the hierarchy's limit on groups (cgroup.max.descendants or cgroup.max.depth) is reached";
            case ENOENT -> "a parent group does not exist";
            case ENOSPC -> "the kernel has no room for another group (too many cgroups)";
            default -> detail(e);
        };
        return new KernelRefusedException("cannot " + action + " " + at.dir() + ": " + errno + ": " + why,
                at.path().toString(), null, null, errno, e);
    }

    /**
     * What a refused write means: the owning controller's module says it first, where it
     * knows ({@code cpu.cfs_quota_us}'s EINVAL, a cpuset's EACCES, a memory limit's EBUSY …);
     * then the core's files and every file's words.
     */
    private static String explainWrite(Placement at, String file, String value, Errno errno, IOException e) {
        CgroupVersion version = at.hierarchy().version();
        Optional<String> owners = Controllers.owning(file).flatMap(m -> m.explainRefusal(file, value, errno, version));
        if (owners.isPresent()) {
            return owners.get();
        }
        boolean v2 = version == CgroupVersion.V2;
        switch (errno) {
            case EACCES, EPERM:
                return permission();
            case EROFS:
                return readOnly();
            case ENOENT:
                if (file.equals("cgroup.subtree_control")) {
                    return "the controller is not offered here: the parent does not list it in cgroup.controllers"
                            + " (enable it in every ancestor's cgroup.subtree_control, or it is bound to a v1 hierarchy)";
                }
                return "the group has no such control file (wrong name, or its controller is not enabled for this group)";
            case EBUSY:
                if (file.equals("cgroup.subtree_control")) {
                    return value.contains("-")
                            ? "a child group still uses this controller; disable it in the children first"
                            : "the group has processes of its own, and cgroup v2 lets only groups without processes"
                            + " hand controllers to children (the no-internal-processes rule); move the processes into a child group first";
                }
                if (isProcsFile(file) && v2) {
                    return "the group hands controllers to its children (cgroup.subtree_control is not empty),"
                            + " so on cgroup v2 it may not hold processes itself; attach to a leaf group instead";
                }
                return "the kernel says the group is busy";
            case ESRCH:
                return isProcsFile(file) ? "no process with id " + value.strip() + " (it may have exited)" : "no such process";
            case ENOSPC:
                if (isProcsFile(file)) {
                    return "the group's cpuset.cpus or cpuset.mems is empty; set both before attaching tasks";
                }
                return "the kernel refused for lack of space";
            case ERANGE:
                return "the value is outside the range the kernel accepts for " + file;
            case EOPNOTSUPP:
                if (file.equals("cgroup.threads")) {
                    return "a thread moves on its own only between groups of one threaded subtree (cgroup.type threaded);"
                            + " move the whole process through cgroup.procs, or make the groups threaded";
                }
                if (isProcsFile(file)) {
                    return "the group cannot hold processes: its cgroup.type is 'domain invalid' (a domain group inside a"
                            + " threaded subtree); make it threaded, or attach to another group";
                }
                if (file.equals("cgroup.subtree_control")) {
                    return "inside a threaded subtree only threaded controllers (cpu, cpuset, perf_event, pids) can be"
                            + " enabled";
                }
                return "the group's type does not support " + file;
            case ENODEV:
                return "no such block device; list devices and their MAJ:MIN with lsblk";
            case EINVAL:
                return explainInvalid(file);
            default:
                return detail(e);
        }
    }

    private static String explainInvalid(String file) {
        switch (file) {
            case "cgroup.subtree_control":
                return "unknown controller name, or the controller cannot be enabled here";
            case "cgroup.procs", "tasks", "cgroup.threads":
                return "the kernel will not move this task (a kernel thread, a task still being born, or a group of the"
                        + " wrong type)";
            default:
                return "the kernel refused the value for " + file;
        }
    }

    static boolean isProcsFile(String file) {
        return file.equals("cgroup.procs") || file.equals("tasks") || file.equals("cgroup.threads");
    }

    static String permission() {
        return "permission denied; run as root, or have the group delegated to your user (jcg create -a uid:gid -t uid:gid)";
    }

    static String readOnly() {
        return "the cgroup filesystem is mounted read-only (inside a container, mount /sys/fs/cgroup read-write)";
    }

    private static String detail(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String printable(String value) {
        return Printable.of(value.strip());
    }
}
