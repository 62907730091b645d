#!/bin/sh
# The test container's first process (under Docker's init). Docker mounts the cgroup v1
# hierarchies read-only in a container that is not --privileged; with CAP_SYS_ADMIN and no
# seccomp/AppArmor confinement a bind remount makes them writable again (a plain
# `mount -o remount,rw` would reconfigure the host-wide superblock and is refused as busy).
# Then, when asked, mount a cgroup2 filesystem the way a hybrid host has it, and wait.
set -eu

cgroup_mounts() {
  # mountinfo: the fs type follows the " - " separator; field 5 is the mount point
  awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { if ($(i + 1) == "cgroup" || $(i + 1) == "cgroup2") print $5; break } }' \
    /proc/self/mountinfo
}

for m in $(cgroup_mounts); do
  mount -o remount,bind,rw "$m"
done

if [ "${JCG_IT_UNIFIED:-}" = 1 ]; then
  mkdir -p /sys/fs/cgroup/unified
  mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified
fi

echo "jcg-it ready"
exec sleep infinity
