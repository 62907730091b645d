#!/usr/bin/env bash
# Every number in BENCHMARKS.md, in one run on one machine: JMH (snapshot vs raw reads,
# subtree pass, allocation), whole-process comparisons with libcgroup and the JVM floor,
# jcg top's cost and agreement against systemd-cgtop, how top's cost grows with the tree, and
# jcg run's start-up, overhead and CPU-time accuracy.
# Installs the peers it needs (Debian: cgroup-tools, hyperfine, time), builds what it runs,
# and writes everything it prints to benchmarks/results-<date>.txt as well.
#
#   sudo benchmarks/run-all.sh          (about 15 minutes on 2 CPUs)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
[ "$(id -u)" -eq 0 ] || { echo "run-all: needs root (it creates cgroups)" >&2; exit 2; }

need=()
command -v cgget >/dev/null || need+=(cgroup-tools)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

out="benchmarks/results-$(date -u +%Y-%m-%d).txt"
mvn -B -q -Dstyle.color=never -DskipTests install >&2
{
  echo "# jcg benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "# host: $(nproc) CPUs, $(uname -r), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## JMH: snapshot vs raw reads, subtree pass (-prof gc)"
  java -jar benchmarks/target/benchmarks.jar -prof gc -rf text -rff /dev/null 2>&1 \
    | grep -E "^(Benchmark|SnapshotBenchmark|SubtreeBenchmark)" | grep -vE "gc\.(count|time)|alloc\.rate +"
  echo
  echo "## Whole process: jcg vs libcgroup vs the JVM floor"
  benchmarks/compare.sh 30
  echo
  echo "## jcg top vs systemd-cgtop: per-refresh CPU at 1,000 groups, peak RSS"
  benchmarks/top-cost.sh 10 3 0.2
  echo
  echo "## jcg top vs systemd-cgtop: agreement on a group limited to half a CPU"
  benchmarks/top-agreement.sh 6
  echo
  echo "## jcg top vs systemd-cgtop: scale"
  benchmarks/top-scale.sh "100 1000 10000" 10 3
  echo
  echo "## jcg run: start-up, overhead on a CPU-bound command, CPU time against GNU time"
  benchmarks/run-cost.sh 20
} 2>&1 | tee "$out"
echo "written to $out" >&2
