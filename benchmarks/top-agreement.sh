#!/usr/bin/env bash
# jcg top and systemd-cgtop on the same busy group, at the same time.
#
# A busy loop runs in a group limited to half a CPU (cfs quota 50 ms per 100 ms). Both tools
# watch the group's parent for the same refreshes, side by side; the script prints each
# refresh's %CPU from both, their means, and checks: |jcg - systemd-cgtop| <= 5 points,
# |each - 50| <= 5 points, tasks equal, memory equal.
#
# Fairness on a busy machine: the groups get the most CPU weight there is (cpu.shares 262144),
# so neighbours cannot starve the loop below its quota; the quota is what both tools measure.
# The loop runs only in cpu, cpuacct and pids groups made here. The memory hierarchy gets
# groups of the same names with no process in them (none is ever moved into or out of it);
# an empty child under busy there gives busy a small, steady memory charge for both to read.
#
# Needs root, systemd-cgtop and a built jcg (./jcg builds it). Everything lives under one
# jcg-bench-<random> parent, removed on exit even on failure.
#
#   benchmarks/top-agreement.sh [REFRESHES]     (default 6: five intervals of 1 s)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

refreshes="${1:-6}"
[ "$(id -u)" -eq 0 ] || { echo "top-agreement: needs root" >&2; exit 2; }
command -v systemd-cgtop >/dev/null || { echo "top-agreement: systemd-cgtop is not installed" >&2; exit 2; }
./jcg top -b -n 1 --depth=0 >/dev/null   # builds jcg if needed, outside the measurement

cg=/sys/fs/cgroup
parent="jcg-bench-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
busy_pid=
hierarchies=()

cleanup() {
  [ -n "$busy_pid" ] && kill -9 "$busy_pid" 2>/dev/null && wait "$busy_pid" 2>/dev/null || true
  for h in "${hierarchies[@]}"; do
    [ -d "$h/$parent" ] && find "$h/$parent" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  rm -rf "$work"
}
work="$(mktemp -d)"
trap cleanup EXIT

# where each controller lives: v1 mounts, or the v2 mount with the controller enabled
if [ -d "$cg/cpu" ] && [ -f "$cg/cpu/cpu.shares" ] || [ -f "$cg/cpu,cpuacct/cpu.shares" ]; then
  mode=v1
  cpu_dir="$cg/cpu"; [ -f "$cpu_dir/cpu.shares" ] || cpu_dir="$cg/cpu,cpuacct"
  acct_dir="$cg/cpuacct"; [ -f "$acct_dir/cpuacct.usage" ] || acct_dir="$cg/cpu,cpuacct"
  for h in "$cpu_dir" "$acct_dir" "$cg/pids" "$cg/memory"; do
    [ -d "$h" ] || continue
    case " ${hierarchies[*]} " in *" $h "*) ;; *) hierarchies+=("$h") ;; esac
  done
  for h in "${hierarchies[@]}"; do mkdir -p "$h/$parent/busy"; done
  # an empty child makes the kernel charge its bookkeeping to busy's memory group: a small,
  # steady, non-zero number (systemd-cgtop prints '-' for a zero, jcg prints 0)
  [ -d "$cg/memory/$parent/busy" ] && mkdir -p "$cg/memory/$parent/busy/memory-holder"
  echo 262144 > "$cpu_dir/$parent/cpu.shares"
  echo 262144 > "$cpu_dir/$parent/busy/cpu.shares"
  echo 100000 > "$cpu_dir/$parent/busy/cpu.cfs_period_us"
  echo 50000 > "$cpu_dir/$parent/busy/cpu.cfs_quota_us"
  attach=("$cpu_dir" "$acct_dir" "$cg/pids")
else
  mode=v2
  hierarchies=("$cg")
  echo "+cpu +pids +memory" > "$cg/cgroup.subtree_control" 2>/dev/null || true
  mkdir -p "$cg/$parent/busy"
  echo "+cpu +pids +memory" > "$cg/$parent/cgroup.subtree_control"
  mkdir -p "$cg/$parent/busy/memory-holder"
  echo 10000 > "$cg/$parent/cpu.weight"
  echo 10000 > "$cg/$parent/busy/cpu.weight"
  echo "50000 100000" > "$cg/$parent/busy/cpu.max"
  attach=("$cg")
fi

# the busy loop: a child shell that joins the groups, then spins
sh -c 'while :; do :; done' &
busy_pid=$!
for h in "${attach[@]}"; do
  [ -d "$h/$parent/busy" ] && echo "$busy_pid" > "$h/$parent/busy/cgroup.procs"
done
sleep 1

label="cgroup $mode"; [ "$mode" = v1 ] && [ -d "$cg/unified" ] && label="hybrid (v1 controllers, v2 mount)"
echo "host: $label, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $(systemd-cgtop --version | head -1)"
echo "group: /$parent/busy, quota 50000 us per 100000 us (0.5 CPU); $refreshes refreshes 1 s apart, both tools at once"
echo

# both tools, same refreshes, same moment; -r: memory in exact bytes
systemd-cgtop -b -r -n "$refreshes" -d 1 --depth=1 "/$parent" > "$work/systemd.txt" &
s_pid=$!
./jcg top -b -r -n "$refreshes" -d 1 --depth=1 "/$parent" > "$work/jcg.txt" &
j_pid=$!
wait "$s_pid" "$j_pid"

# the busy row of each refresh: tasks, %CPU, memory
rows() { awk -v g="/$parent/busy" 'BEGIN{RS=""} { n++; for (i = 1; i <= NF; i += 6) if ($i == g) print n, $(i+1), $(i+2), $(i+3) }' "$1"; }
rows "$work/systemd.txt" > "$work/s.rows"
rows "$work/jcg.txt" > "$work/j.rows"

echo "refresh   systemd-cgtop %CPU   jcg top %CPU   tasks (s/j)   memory bytes (s/j)"
join "$work/s.rows" "$work/j.rows" | awk '{ printf "%7d   %18s   %12s   %5s/%-5s   %s/%s\n", $1, $3, $6, $2, $5, $4, $7 }'
echo

join "$work/s.rows" "$work/j.rows" | awk '
  $3 != "-" && $6 != "-" { n++; s += $3; j += $6; d = $6 - $3; if (d < 0) d = -d; if (d > maxd) maxd = d }
  { if ($2 != $5) tasks_differ = 1; if ($4 != $7) memory_differ = 1 }
  END {
    if (n == 0) { print "FAIL: no refresh with a %CPU from both tools"; exit 1 }
    ms = s / n; mj = j / n
    printf "mean %%CPU over %d refreshes: systemd-cgtop %.1f, jcg top %.1f (largest per-refresh difference %.1f points)\n", n, ms, mj, maxd
    ok = 1
    if (mj - ms > 5 || ms - mj > 5) { print "FAIL: jcg and systemd-cgtop differ by more than 5 points"; ok = 0 }
    if (ms - 50 > 5 || 50 - ms > 5) { print "FAIL: systemd-cgtop is more than 5 points from 50"; ok = 0 }
    if (mj - 50 > 5 || 50 - mj > 5) { print "FAIL: jcg is more than 5 points from 50"; ok = 0 }
    if (tasks_differ) { print "FAIL: tasks differ"; ok = 0 } else print "tasks: equal in every refresh"
    if (memory_differ) { print "FAIL: memory differs"; ok = 0 } else print "memory: equal in every refresh"
    if (ok) print "PASS: within 5 points of each other and of 50; tasks and memory equal"
    exit ok ? 0 : 1
  }'
echo
echo "first refresh (no interval yet), as printed:"
echo "  systemd-cgtop: $(grep -m1 "/$parent/busy " "$work/systemd.txt")"
echo "  jcg top:       $(grep -m1 "/$parent/busy " "$work/jcg.txt")"
