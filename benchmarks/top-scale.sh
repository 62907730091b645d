#!/usr/bin/env bash
# How the cost of one refresh grows with the tree: jcg top -b and systemd-cgtop -b on trees of
# 100, 1,000 and 10,000 empty groups (under one jcg-bench-<random> parent, removed on exit),
# per-refresh CPU in the steady state as in top-cost.sh: (T(N+1) - T(1)) / N, medians.
# Both tools look at the tree's parent (the group argument) with --depth=3, so every group
# is read; "per group" divides by the group count, to show whether growth is linear.
#
#   benchmarks/top-scale.sh [SIZES] [N] [REPS]     (defaults: "100 1000 10000" 5 3)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

sizes="${1:-100 1000 10000}"
n="${2:-5}"
reps="${3:-3}"
. benchmarks/lib.sh
bench_require systemd-cgtop java
./jcg top -b -n 1 --depth=0 >/dev/null   # builds jcg outside the measurement

echo "host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); N=$n, -d 0.2, median of $reps"
printf "%8s  %22s  %22s  %6s\n" "groups" "systemd-cgtop ms (µs/group)" "jcg top ms (µs/group)" "ratio"
for size in $sizes; do
  parents=$(( size >= 100 ? size / 100 : 1 ))
  children=$(( size / parents - 1 ))
  bench_tree "$parents" "$children"
  s=$(per_refresh "systemd$size" "$n" "$reps" 0.2 systemd-cgtop --depth=3 "/$parent")
  j=$(per_refresh "jcg$size" "$n" "$reps" 0.2 ./jcg top --depth=3 "/$parent")
  awk -v g="$bench_groups" -v s="${s%% *}" -v j="${j%% *}" \
    'BEGIN { printf "%8d  %12.1f (%6.1f)  %12.1f (%6.1f)  %6.2f\n", g, s, s * 1000 / g, j, j * 1000 / g, j / s }'
  bench_untree
done
