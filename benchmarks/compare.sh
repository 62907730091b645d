#!/usr/bin/env bash
# Whole-process comparisons of jcg's one-shot commands with libcgroup's tools and the JVM floor,
# side by side in one run (hyperfine, medians): a bare java hello-world jar; jcg get vs cgget;
# jcg create+delete vs cgcreate+cgdelete; jcg exec true vs cgexec true; and a shell loop that
# times itself, run through jcg exec, cgexec and neither, to show that after the exec the command
# costs the same (it is a native process with jcg's PID). Groups live under one
# jcg-bench-<random> parent, removed on exit.
#
#   benchmarks/compare.sh [RUNS]     (default 30)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

runs="${1:-30}"
. benchmarks/lib.sh
bench_require hyperfine cgget cgcreate cgdelete cgexec java javac jar python3
./jcg info >/dev/null   # builds jcg and its class-data archive outside the measurement
hello=$(hello_jar)
bench_tree 1 0
group="$parent/a0"
if [ -d "$cg/cpu/$parent" ]; then ctl="cpu,cpuacct"; file="cpu.cfs_quota_us"; else ctl="cpu"; file="cpu.max"; fi

echo "host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(dpkg-query -W -f='cgroup-tools ${Version}' cgroup-tools 2>/dev/null)"
hyperfine --style basic --warmup 3 --runs "$runs" --export-json "$work/h.json" \
  -n "hello-world jar" "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $hello" \
  -n "jcg get" "./jcg get -n -v -r $file $group" \
  -n "cgget" "cgget -n -v -r $file $group" \
  -n "jcg create+delete" "./jcg create -g $ctl:$parent/x && ./jcg delete -g $ctl:$parent/x" \
  -n "cgcreate+cgdelete" "cgcreate -g $ctl:$parent/x && cgdelete -g $ctl:$parent/x" \
  -n "jcg exec true" "./jcg exec -g $ctl:$group true" \
  -n "cgexec true" "cgexec -g $ctl:$group true" > "$work/hyperfine.log"

# After the exec: the loop's own wall time (it reads the clock itself, so start-up is not in it),
# alternating the three ways of running it; medians of RUNS/2.
loop='s=$(date +%s%N); i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; e=$(date +%s%N); echo $(( (e - s) / 1000 ))'
: > "$work/loop.jcg"; : > "$work/loop.cgexec"; : > "$work/loop.plain"
for _ in $(seq $((runs / 2))); do
  ./jcg exec -g "$ctl:$group" sh -c "$loop" >> "$work/loop.jcg"
  cgexec -g "$ctl:$group" sh -c "$loop" >> "$work/loop.cgexec"
  sh -c "$loop" >> "$work/loop.plain"
done
loop_jcg=$(median < "$work/loop.jcg"); loop_cg=$(median < "$work/loop.cgexec"); loop_plain=$(median < "$work/loop.plain")

python3 - "$work/h.json" "$loop_jcg" "$loop_cg" "$loop_plain" <<'PY'
import json, sys
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
floor = r["hello-world jar"]
rows = [("hello-world jar", None), ("jcg get", "cgget"), ("jcg create+delete", "cgcreate+cgdelete"),
        ("jcg exec true", "cgexec true")]
print(f"| {'command':<20} | {'median ms':>9} | {'x JVM floor':>11} | {'libcgroup peer ms':>17} | {'x peer':>7} |")
print(f"|{'-'*22}|{'-'*11}|{'-'*13}|{'-'*19}|{'-'*9}|")
for name, peer in rows:
    m = r[name]
    p = r[peer] if peer else None
    print(f"| {name:<20} | {m:9.1f} | {m / floor:11.2f} | {(f'{p:.1f}' if p else '-'):>17} | {(f'{m / p:.1f}' if p else '-'):>7} |")
loop_jcg, loop_cg, loop_plain = (int(x) / 1000 for x in sys.argv[2:5])
print()
print(f"after the exec, the self-timed loop (median ms): under jcg exec {loop_jcg:.1f}, under cgexec {loop_cg:.1f}, "
      f"run directly {loop_plain:.1f}; jcg exec / cgexec = {loop_jcg / loop_cg:.2f}")
for name, limit in (("jcg get", 2.5), ("jcg create+delete", 5.0)):
    # create+delete is two jcg processes: its floor is two JVM starts
    print(f"target {name} <= {limit} x floor: {r[name] / floor:.2f} -> {'PASS' if r[name] / floor <= limit else 'FAIL'}")
PY
