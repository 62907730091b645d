#!/usr/bin/env bash
# Builds what the VM lane boots: Debian's cloud kernel (extracted, never installed into the
# host's /boot) and an uncompressed initramfs holding busybox, a jlinked Java runtime, libcgroup's
# tools, the guest class path (test-jars and their dependencies) and vm/init.
#
#   build-vm.sh LIB_DIR OUT_DIR
#
# LIB_DIR is the guest class path (Maven copies it to integration-tests/target/vm/lib). OUT_DIR
# receives vmlinuz and initramfs.cpio. The kernel and the runtime are cached under
# $JCG_VM_CACHE (default /var/cache/jcg-vm) by package version and by JDK, so only the first run
# on a machine downloads or links them. Needs root (device nodes in the archive), apt-get,
# cpio and busybox (busybox-static needs no libraries; a dynamic one gets its own copied).
#
# Why uncompressed: a gzip archive of this size took minutes to unpack under TCG, a plain one
# takes about a second (see shared/V2VM.md).
set -euo pipefail

lib="$(readlink -f "${1:?usage: build-vm.sh LIB_DIR OUT_DIR}")"
out="$(readlink -m "${2:?usage: build-vm.sh LIB_DIR OUT_DIR}")"
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
cache="${JCG_VM_CACHE:-/var/cache/jcg-vm}"
# what the guest's tests need: the container image's modules (jcg.jar's, see image/build-image.sh)
# plus java.xml for JUnit's XML reports, jdk.management for the workload's CPU clocks and
# jdk.zipfs for the console launcher's scan of the test-jars
modules=java.base,java.logging,java.management,jdk.management,jdk.unsupported,java.desktop,java.sql,java.xml,jdk.zipfs

say() { echo "build-vm: $*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "building the VM image needs root (device nodes in the initramfs)"
[ -d "$lib" ] && ls "$lib"/*-tests.jar >/dev/null 2>&1 || die "$lib holds no test-jars (run: mvn -pl integration-tests -am pre-integration-test)"
for tool in cpio busybox; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install cpio busybox-static)"
done
busybox_bin="$(command -v busybox)"
mkdir -p "$cache" "$out"

# --- the kernel: the newest linux-image-*-cloud-amd64 Debian offers, unpacked into the cache ----
kernel_package() {
  apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}'
}
pkg="$(kernel_package)"
if [ -z "$pkg" ]; then
  say "apt knows no linux-image-cloud-amd64 yet: apt-get update"
  apt-get update -qq >/dev/null
  pkg="$(kernel_package)"
fi
[ -n "$pkg" ] || die "no linux-image-cloud-amd64 package in this machine's apt sources"
kdir="$cache/$pkg"
if [ ! -f "$kdir/vmlinuz" ]; then
  say "fetching $pkg"
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get download "$pkg" >/dev/null 2>&1) || die "apt-get download $pkg failed"
  dpkg -x "$tmp"/*.deb "$tmp/root"
  mkdir -p "$kdir.tmp"
  cp "$tmp"/root/boot/vmlinuz-* "$kdir.tmp/vmlinuz"
  cp "$tmp"/root/boot/config-* "$kdir.tmp/config"
  find "$tmp/root/lib/modules" -name brd.ko -exec cp {} "$kdir.tmp/brd.ko" \;
  rm -rf "$tmp" "$kdir"
  mv "$kdir.tmp" "$kdir"
fi
cp "$kdir/vmlinuz" "$out/vmlinuz"

# --- the Java runtime: jlinked from the JDK that runs the build, cached by its release file -----
. "$here/../jlink-jdk.sh"
jdk="$(jlink_jdk)" || exit 1
jre="$cache/jre-$( { echo "$modules"; cat "$jdk/release"; } | sha256sum | cut -c1-12)"
if [ ! -x "$jre/bin/java" ]; then
  say "jlink $modules from $jdk"
  rm -rf "$jre.tmp"
  # no --compress: under TCG inflating the module image costs more than a bigger archive
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$jre.tmp" >&2
  mv "$jre.tmp" "$jre"
fi

# --- the root --------------------------------------------------------------------------------
root="$(mktemp -d /var/tmp/jcg-vm-root.XXXXXX)"
trap 'rm -rf "$root"' EXIT
# the archive's "." becomes the guest's /: as a distribution has it, not mktemp's 0700, or no
# user but root could reach /bin (the delegation tests run processes as another user)
chmod 755 "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib64,lib/modules,proc,sys,dev,tmp,root,etc,opt/jcg/lib}
cp "$busybox_bin" "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
cp -a "$jre" "$root/opt/java"
cp "$lib"/*.jar "$root/opt/jcg/lib/"
cp "$here/init" "$root/init"
chmod 755 "$root/init"
[ -f "$kdir/brd.ko" ] && cp "$kdir/brd.ko" "$root/lib/modules/brd.ko"

# libcgroup's tools, so the side-by-side tests have their peer in the guest too
peers=()
for t in cgcreate cgdelete cgset cgget cgexec cgclassify lscgroup lssubsys; do
  if [ -x "/usr/bin/$t" ]; then
    cp "/usr/bin/$t" "$root/usr/bin/$t"
    peers+=("/usr/bin/$t")
  fi
done

# the shared libraries the runtime and the tools link to, from this host (the same Debian release)
objects=("$root/opt/java/bin/java" "$busybox_bin" "${peers[@]}")
while IFS= read -r so; do objects+=("$so"); done < <(find "$root/opt/java/lib" -name '*.so')
for obj in "${objects[@]}"; do
  # a static binary or an odd .so makes ldd fail: it then needs nothing from here
  { ldd "$obj" 2>/dev/null || true; } | awk '/=> \// {print $3} /^\t\/lib/ {print $1}'
done | sort -u | while IFS= read -r dep; do
  # the runtime's own libraries (found through $ORIGIN) are already in the root
  case "$dep" in ""|"$root"/*) continue ;; esac
  mkdir -p "$root$(dirname "$dep")"
  cp -L "$dep" "$root$dep"
done
# the loader where the ELF interpreter field points
[ -e "$root/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\njcgtest:x:1000:1000:jcg test:/tmp:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\njcgtest:x:1000:\n' >"$root/etc/group"
mknod -m 600 "$root/dev/console" c 5 1
mknod -m 666 "$root/dev/null" c 1 3

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) >"$out/initramfs.cpio.tmp"
mv "$out/initramfs.cpio.tmp" "$out/initramfs.cpio"
say "kernel $pkg, initramfs $(( $(stat -c %s "$out/initramfs.cpio") / 1024 / 1024 )) MiB in $out"
