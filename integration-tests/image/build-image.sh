#!/usr/bin/env bash
# Builds the container image the integration tests run jcg in, or reuses it when it exists,
# and prints its name (jcg-it:<recipe hash>) on stdout; progress goes to stderr.
#
# No registry can be reached from CI, so nothing is pulled: the root is a Debian minbase made
# by debootstrap from Debian's mirror, plus a Java runtime cut by jlink from the host's JDK
# (same Debian release, so the same glibc), imported with `docker import`. The tag is a hash of
# this recipe and of the JDK, so a changed recipe or JDK builds a new image and an unchanged
# one is reused between runs on one machine.
#
#   JCG_IT_MIRROR   Debian mirror (default: the first main-archive URI of this machine's apt sources)
#   JAVA_HOME       JDK whose jlink and jmods make the runtime (default: the one javac/jlink is in)
set -euo pipefail

suite=bookworm
# the mirror this machine's apt already uses (deb822 .sources or one-line .list), the security
# archive aside: no registry host is written into the repository
apt_mirror() {
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{for (i = 2; i <= NF; i++) print $i}'
    grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print ($2 ~ /^\[/) ? $3 : $2}' || true
  } | grep -v -- '-security' | head -n 1 || true
}
mirror="${JCG_IT_MIRROR:-$(apt_mirror)}"
# what jcg.jar needs (jdeps: java.base, jdk.unsupported for jnr-ffi, java.desktop for the
# demo's PNG chart and java.sql that JFreeChart's JDBC datasets link to), java.logging, and JMX
# for the workload's CPU clocks; ContainerDiscoveryIT checks the jar against this list
modules=java.base,java.logging,java.management,jdk.unsupported,java.desktop,java.sql
repo=jcg-it

say() { echo "build-image: $*" >&2; }
die() { say "$*"; exit 1; }

self="$(readlink -f "${BASH_SOURCE[0]}")"

. "$(dirname "$self")/../jlink-jdk.sh"
jdk="$(jlink_jdk)" || exit 1

tag="$( { cat "$self"; echo "$suite $modules"; cat "$jdk/release"; } | sha256sum | cut -c1-12)"
image="$repo:$tag"

command -v docker >/dev/null || die "docker is not installed"
docker version >/dev/null 2>&1 || die "the Docker daemon does not answer (docker version failed)"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "$image is missing and building it needs root (debootstrap)"
[ -n "$mirror" ] || die "no Debian mirror in this machine's apt sources; set JCG_IT_MIRROR"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"

# one builder at a time (the tests and run-tests may both ask); the second reuses the result
exec 9>"/tmp/$repo-image.lock"
flock 9
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

work="$(mktemp -d /var/tmp/$repo-image.XXXXXX)"
cleanup() {
  # debootstrap mounts /proc (and more) inside the root while it installs: never rm through a mount
  local m
  for m in $(awk -v w="$work/" 'index($2, w) == 1 {print $2}' /proc/self/mounts | sort -r); do
    umount -l "$m" || true
  done
  rm -rf --one-file-system "$work" || true
}
trap cleanup EXIT

start=$SECONDS
say "building $image: debootstrap $suite minbase from $mirror, jlink $modules from $jdk"

# the JRE does not need the root: cut it while debootstrap downloads
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$work/java" >"$work/jlink.log" 2>&1 &
jlink_pid=$!

if ! debootstrap --variant=minbase "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  die "debootstrap failed (full log above: $work/debootstrap.log)"
fi
if ! wait "$jlink_pid"; then
  cat "$work/jlink.log" >&2
  die "jlink failed"
fi
say "root and JRE ready after $((SECONDS - start)) s"

root="$work/root"
# what a test container never reads: package lists and caches, documentation, locales
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/log/* \
  "$root"/usr/share/doc "$root"/usr/share/man "$root"/usr/share/info "$root"/usr/share/locale
mkdir -p "$root/opt"
mv "$work/java" "$root/opt/java"
ln -s /opt/java/bin/java "$root/usr/local/bin/java"
"$root/opt/java/bin/java" -version >/dev/null 2>&1 || die "the jlinked Java does not run"

tar -C "$root" --numeric-owner -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change "LABEL io.github.jcg.it.recipe=$tag" \
  --change 'CMD ["sleep", "infinity"]' \
  - "$image" >/dev/null

size="$(docker image inspect -f '{{.Size}}' "$image")"
say "built $image in $((SECONDS - start)) s ($((size / 1024 / 1024)) MiB)"
echo "$image"
