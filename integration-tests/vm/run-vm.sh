#!/usr/bin/env bash
# Boots the VM lane's guest (made by build-vm.sh) with one cgroup layout, and unpacks the JUnit
# XML reports it sends back.
#
#   run-vm.sh LAYOUT VM_DIR        LAYOUT: v2 | v1 | split
#
# VM_DIR holds vmlinuz and initramfs.cpio; this writes VM_DIR/console-LAYOUT.log (the guest's
# console) and VM_DIR/reports-LAYOUT/ (the reports). Exit status: 0 when the reports came back,
# whatever the tests said (the caller reads them); 1 when the guest gave none: it did not boot,
# crashed, or ran out of time (JCG_VM_TIMEOUT seconds, default 600). JCG_VM_TESTS=REGEX runs only
# the test classes whose names match (default: every *KernelTest).
#
# QEMU uses KVM where a probe boot shows it works (nested virtualisation often does not: see
# shared/V2VM.md) and TCG otherwise; the probe's answer is cached per host kernel and QEMU.
set -euo pipefail

layout="${1:?usage: run-vm.sh v2|v1|split VM_DIR}"
dir="$(readlink -f "${2:?usage: run-vm.sh v2|v1|split VM_DIR}")"
cache="${JCG_VM_CACHE:-/var/cache/jcg-vm}"
limit="${JCG_VM_TIMEOUT:-600}"
say() { echo "run-vm: $*" >&2; }

command -v qemu-system-x86_64 >/dev/null || { say "qemu-system-x86_64 is missing (apt-get install qemu-system-x86)"; exit 1; }
[ -f "$dir/vmlinuz" ] && [ -f "$dir/initramfs.cpio" ] || { say "$dir has no vmlinuz and initramfs.cpio (build-vm.sh makes them)"; exit 1; }

# qemu LAYOUT SECONDS CONSOLE RESULTS ACCEL...: one boot, bounded in time
qemu() {
  local boot_layout="$1" seconds="$2" console="$3" results="$4"
  shift 4
  timeout --kill-after=10 "$seconds" qemu-system-x86_64 "$@" -smp 2 -m 3072 \
    -display none -monitor none -no-reboot -nodefaults \
    -kernel "$dir/vmlinuz" -initrd "$dir/initramfs.cpio" \
    -append "console=ttyS0 panic=-1 quiet jcg.layout=$boot_layout${JCG_VM_TESTS:+ jcg.tests=$JCG_VM_TESTS}" \
    -serial "file:$console" -serial "file:$results" </dev/null
}

tcg=(-accel tcg,thread=multi)
accel=("${tcg[@]}")
if [ -w /dev/kvm ]; then
  mkdir -p "$cache"
  probe="$cache/kvm-$(uname -r)-$(qemu-system-x86_64 --version | head -n1 | tr -cd '0-9.')"
  if [ ! -f "$probe" ]; then
    rm -f "$dir/probe.log"
    if qemu probe 60 "$dir/probe.log" /dev/null -accel kvm -cpu host 2>/dev/null && grep -q "jcg-vm: probe ok" "$dir/probe.log"; then
      echo kvm >"$probe"
    else
      echo tcg >"$probe"
    fi
  fi
  if [ "$(cat "$probe")" = kvm ]; then
    accel=(-accel kvm -cpu host)
  fi
fi

console="$dir/console-$layout.log"
results="$dir/results-$layout.txt"
reports="$dir/reports-$layout"
rm -rf "$console" "$results" "$reports"
start=$SECONDS
say "booting the $layout layout (${accel[1]}, at most $limit s)"
status=0
qemu "$layout" "$limit" "$console" "$results" "${accel[@]}" || status=$?
if ! grep -q "^JCG-REPORTS-END" "$results" 2>/dev/null; then
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    say "the $layout guest ran out of time ($limit s); the end of its console:"
  else
    say "the $layout guest sent no reports (qemu exited $status); the end of its console:"
  fi
  tail -n 40 "$console" >&2 || true
  exit 1
fi
mkdir -p "$reports"
tr -d '\r' <"$results" | sed -n '/^JCG-REPORTS-BEGIN$/,/^JCG-REPORTS-END/p' | sed '1d;$d' | base64 -d | tar -x -C "$reports"
say "the $layout guest ran its tests in $((SECONDS - start)) s: $(grep '^JCG-REPORTS-END' "$results" | tr -d '\r')"
