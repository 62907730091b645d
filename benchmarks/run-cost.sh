#!/usr/bin/env bash
# jcg run measured against what it stands beside, side by side in one run:
#  - start-up: `jcg run -- true` against the JVM floor (a bare hello-world jar) and a one-shot
#    `jcg get` (the same launcher, JVM start and host discovery), hyperfine medians;
#  - overhead on a CPU-bound command: a loop that times itself, run under jcg run and bare,
#    alternating, medians (the summary's sampling is what it would cost);
#  - CPU-time accuracy: the group's own accounting (jcg run's cpu_seconds) against
#    getrusage(RUSAGE_CHILDREN) as GNU time reports it, for a tree of two CPU-bound children.
# On a host whose v1 memory hierarchy holds this shell in a group that is not ours (this
# project's machines: the supervisor's), runs use cpu, cpuacct and pids only: moving processes
# out of that group is not ours to do.
#
#   benchmarks/run-cost.sh [RUNS]     (default 20)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

runs="${1:-20}"
. benchmarks/lib.sh
bench_require hyperfine java javac jar python3
./jcg info >/dev/null   # builds jcg and its class-data archive outside the measurement
hello=$(hello_jar)

ctl=()
own_memory=$(awk -F: '$2 == "memory" {print $3}' /proc/self/cgroup)
if [ -n "$own_memory" ] && [ "$own_memory" != "/" ]; then
  ctl=(--controllers cpu,cpuacct,pids)
  echo "note: this shell is in memory:$own_memory, not ours; jcg run uses ${ctl[*]#--controllers }"
fi

echo "host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
hyperfine --style basic --warmup 3 --runs "$runs" --export-json "$work/h.json" \
  -n "hello-world jar" "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $hello" \
  -n "jcg get" "./jcg get -n -v -r cgroup.procs / >/dev/null" \
  -n "jcg run true" "./jcg run ${ctl[*]} -- true 2>/dev/null" > "$work/hyperfine.log"

# A CPU-bound loop that reads the clock itself (so start-up is not in it) and then reports its own
# CPU time (the shell's `times`), alternating bare and under jcg run. The wall time is what the
# goal names; on a machine whose neighbours steal CPU it swings by tens of per cent between
# identical runs, so the loop's own CPU time is reported beside it: steal inflates wall time only.
loop='s=$(date +%s%N); i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; e=$(date +%s%N); echo $(( (e - s) / 1000 )); times'
: > "$work/loop.run"; : > "$work/loop.plain"
for _ in $(seq "$runs"); do
  ./jcg run "${ctl[@]}" -- sh -c "$loop" 2>/dev/null | tr '\n' ' ' >> "$work/loop.run"; echo >> "$work/loop.run"
  sh -c "$loop" | tr '\n' ' ' >> "$work/loop.plain"; echo >> "$work/loop.plain"
done

# The group's CPU time against GNU time's rusage of the same tree (time runs inside the group:
# its own few ms are in the group's count and not in its report).
tree='for n in 1 2; do (i=0; while [ $i -lt 1500000 ]; do i=$((i+1)); done) & done; wait'
: > "$work/cpu.pairs"
for _ in 1 2 3 4 5; do
  ./jcg run -o json "${ctl[@]}" -- /usr/bin/time -f 'rusage %U %S' -o "$work/time.out" sh -c "$tree" 2> "$work/run.err"
  python3 - "$work/run.err" "$work/time.out" >> "$work/cpu.pairs" <<'PY'
import json, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
u, s = (float(x) for x in open(sys.argv[2]).read().split()[1:3])
print(summary["cpu_seconds"], u + s)
PY
done

python3 - "$work/h.json" "$work/loop.run" "$work/loop.plain" "$work/cpu.pairs" <<'PY'
import json, re, sys, statistics

def loops(path):
    """(wall ms, the shell's own user+system CPU ms) per run of the loop."""
    out = []
    for line in open(path):
        if not line.strip():
            continue
        wall = int(line.split()[0]) / 1000
        m = re.search(r"(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s", line)
        cpu = (int(m.group(1)) * 60 + float(m.group(2)) + int(m.group(3)) * 60 + float(m.group(4))) * 1000
        out.append((wall, cpu))
    return out
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
floor = r["hello-world jar"]
print(f"| {'command':<16} | {'median ms':>9} | {'x JVM floor':>11} |")
print(f"|{'-'*18}|{'-'*11}|{'-'*13}|")
for name in ("hello-world jar", "jcg get", "jcg run true"):
    print(f"| {name:<16} | {r[name]:9.1f} | {r[name] / floor:11.2f} |")
under, bare = loops(sys.argv[2]), loops(sys.argv[3])
run = statistics.median(w for w, _ in under)
plain = statistics.median(w for w, _ in bare)
run_cpu = statistics.median(c for _, c in under)
plain_cpu = statistics.median(c for _, c in bare)
print()
print(f"CPU-bound loop, medians of {len(under)} alternating runs: wall {run:.1f} ms under jcg run, {plain:.1f} bare, ratio {run / plain:.3f}"
      f" (bare runs spread {min(w for w, _ in bare):.0f}-{max(w for w, _ in bare):.0f} ms); its own CPU time {run_cpu:.0f} ms under jcg run,"
      f" {plain_cpu:.0f} bare, ratio {run_cpu / plain_cpu:.3f}")
pairs = [tuple(map(float, l.split())) for l in open(sys.argv[4]) if l.strip()]
ratios = [g / t for g, t in pairs]
print("CPU time, the group's cpu_seconds against GNU time's user+system (s): "
      + ", ".join(f"{g:.2f}/{t:.2f}" for g, t in pairs)
      + f"; ratio median {statistics.median(ratios):.4f}, range {min(ratios):.4f}-{max(ratios):.4f}")
print(f"targets: jcg run true <= 2.5 x floor: {'met' if r['jcg run true'] / floor <= 2.5 else 'NOT met'}; "
      f"CPU-bound within 1 %: wall {'met' if abs(run / plain - 1) <= 0.01 else 'not met (see the spread)'}, CPU {'met' if abs(run_cpu / plain_cpu - 1) <= 0.01 else 'not met'}; "
      f"CPU time within 1 %: {'met' if all(abs(x - 1) <= 0.01 for x in ratios) else 'NOT met'}")
PY
