#!/usr/bin/env bash
# What one refresh of jcg top -b costs against systemd-cgtop -b, on a tree of 1,000 groups.
#
# Builds 1,000 empty groups (10 parents with 99 children each) under one jcg-bench-<random>
# parent in every controller hierarchy the two tools read (v1: cpu, cpuacct, memory, pids,
# blkio; v2: the unified tree), then runs each tool with -b -n 1 and -b -n N+1 and takes
# CPU time (user + sys) and peak RSS from /usr/bin/time. Per-refresh CPU in the steady
# state, JVM start excluded: (T(N+1) - T(1)) / N. Each measurement is the median of REPS runs,
# the two tools alternating. Two views of the same tree:
#   whole host   no group argument, default depth 3: the tree's leaves are at the last level
#   subtree      rooted at the bench parent, depth 3: every leaf is above the last level
# Also a bare JVM hello-world's peak RSS, with default options and with the launcher's.
#
# Needs root, systemd-cgtop, GNU time, a JDK. Removes the tree on exit, even on failure.
#
#   benchmarks/top-cost.sh [N] [REPS] [DELAY]      (defaults: 10 3 0.2)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

n="${1:-10}"
reps="${2:-3}"
delay="${3:-0.2}"
. benchmarks/lib.sh
bench_require systemd-cgtop java javac
./jcg top -b -n 1 --depth=0 >/dev/null   # builds jcg and its class-data archive outside the measurement
bench_tree 10 99
groups=$bench_groups

report() {
  local label="$1" s="$2" j="$3"
  read -r s_ms s_t1 s_tn s_rss <<< "$s"
  read -r j_ms j_t1 j_tn j_rss <<< "$j"
  printf "%-12s systemd-cgtop %6.1f ms/refresh (T1 %.2fs, T%d %.2fs, RSS %d KB)\n" "$label" "$s_ms" "$s_t1" $((n + 1)) "$s_tn" "$s_rss"
  printf "%-12s jcg top       %6.1f ms/refresh (T1 %.2fs, T%d %.2fs, RSS %d KB)\n" "" "$j_ms" "$j_t1" $((n + 1)) "$j_tn" "$j_rss"
  awk -v s="$s_ms" -v j="$j_ms" -v label="$label" 'BEGIN { printf "%-12s ratio jcg/systemd-cgtop: %.2f %s\n", "", j / s, (j <= s ? "(jcg no more than systemd-cgtop: PASS)" : "(jcg costs more: FAIL)") }'
}

echo "host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $(systemd-cgtop --version | head -1); $(java -version 2>&1 | head -1)"
echo "tree: $groups groups under /$parent in ${#hierarchies[@]} hierarchies; N=$n, -d $delay, median of $reps"
echo

whole_s=$(per_refresh systemd "$n" "$reps" "$delay" systemd-cgtop)
whole_j=$(per_refresh jcg "$n" "$reps" "$delay" ./jcg top)
report "whole host" "$whole_s" "$whole_j"
sub_s=$(per_refresh systemd "$n" "$reps" "$delay" systemd-cgtop "/$parent")
sub_j=$(per_refresh jcg "$n" "$reps" "$delay" ./jcg top "/$parent")
report "subtree" "$sub_s" "$sub_j"
lim_j=$(per_refresh jcg "$n" "$reps" "$delay" ./jcg top --limits)
printf "%-12s jcg top --limits (every column, core sampler) %.1f ms/refresh, RSS %s KB\n" "whole host" \
  "$(echo "$lim_j" | cut -d' ' -f1)" "$(echo "$lim_j" | cut -d' ' -f4)"
echo

# a bare JVM hello-world, the RSS yardstick
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello, world"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
: > "$work/hello.rss"; : > "$work/hello-opts.rss"
for _ in $(seq "$reps"); do
  measure java -cp "$work/hello" Hello | cut -d' ' -f2 >> "$work/hello.rss"
  measure java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xmn8m -cp "$work/hello" Hello | cut -d' ' -f2 >> "$work/hello-opts.rss"
done
hello=$(median < "$work/hello.rss")
hello_opts=$(median < "$work/hello-opts.rss")
j_rss=$(echo "$whole_j" | cut -d' ' -f4)
echo "hello-world peak RSS: $hello KB (java defaults), $hello_opts KB (the launcher's options for top)"
awk -v j="$j_rss" -v h="$hello" 'BEGIN { printf "jcg top -b -n %s peak RSS %d KB = %.2f x hello-world %s\n", "'$((n + 1))'", j, j / h, (j <= 2 * h ? "(no more than 2x: PASS)" : "(more than 2x: FAIL)") }'
