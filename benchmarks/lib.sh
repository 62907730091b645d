# Shared by the benchmark scripts: a tree of empty groups under one jcg-bench-<random> parent
# in every controller hierarchy the tools read (removed on exit, even on failure), CPU time
# and peak RSS of a run, medians, and the per-refresh cost of a top-like tool.
# Source it after `set -euo pipefail` and `cd` to the repository root.

cg=/sys/fs/cgroup
parent="jcg-bench-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
hierarchies=()

bench_cleanup() {
  for h in "${hierarchies[@]}"; do
    [ -d "$h/$parent" ] && find "$h/$parent" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  rm -rf "$work"
}
trap bench_cleanup EXIT

bench_require() {
  [ "$(id -u)" -eq 0 ] || { echo "${0##*/}: needs root" >&2; exit 2; }
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "${0##*/}: $tool is not installed" >&2; exit 2; }
  done
  [ -x /usr/bin/time ] || { echo "${0##*/}: needs GNU time (apt-get install time)" >&2; exit 2; }
}

# The hierarchies to build in: the v1 controller mounts, or the v2 root with the controllers enabled.
bench_hierarchies() {
  hierarchies=()
  if [ -d "$cg/unified" ] || [ ! -f "$cg/cgroup.controllers" ]; then
    for c in cpu cpuacct "cpu,cpuacct" memory pids blkio; do
      [ -d "$cg/$c" ] && [ ! -L "$cg/$c" ] && hierarchies+=("$cg/$c")
    done
  else
    hierarchies=("$cg")
    echo "+cpu +pids +memory +io" > "$cg/cgroup.subtree_control" 2>/dev/null || true
  fi
}

# bench_tree PARENTS CHILDREN: /parent/a0..a{PARENTS-1}, each with b0..b{CHILDREN-1}; sets
# bench_groups to the number of groups made (call it directly, not in $(…): the hierarchies
# it records are what the exit trap removes)
bench_tree() {
  local parents="$1" children="$2"
  bench_hierarchies
  for h in "${hierarchies[@]}"; do
    mkdir -p "$h/$parent"
    [ "$h" = "$cg" ] && echo "+cpu +pids +memory +io" > "$h/$parent/cgroup.subtree_control" 2>/dev/null || true
    for i in $(seq 0 $((parents - 1))); do
      mkdir "$h/$parent/a$i"
      [ "$h" = "$cg" ] && echo "+cpu +pids +memory +io" > "$h/$parent/a$i/cgroup.subtree_control" 2>/dev/null || true
      [ "$children" -gt 0 ] && (cd "$h/$parent/a$i" && mkdir $(seq -f 'b%g' 0 $((children - 1))))
    done
  done
  bench_groups=$(find "${hierarchies[0]}/$parent" -mindepth 1 -type d | wc -l)
}

# bench_untree: remove the tree (to build one of another size)
bench_untree() {
  for h in "${hierarchies[@]}"; do
    [ -d "$h/$parent" ] && find "$h/$parent" -depth -type d -exec rmdir {} +
  done
}

# CPU seconds (user+sys) and peak RSS (KB) of one run: "cpu rss"
measure() {
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" > /dev/null
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$work/t"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# per_refresh TAG N REPS DELAY cmd...: CPU per refresh in the steady state, JVM start
# excluded: (T(N+1) - T(1)) / N, medians of REPS. Prints "ms t1 tN rss".
per_refresh() {
  local tag="$1" n="$2" reps="$3" delay="$4"; shift 4
  local one="$work/$tag.1" many="$work/$tag.n"
  : > "$one"; : > "$many"
  for _ in $(seq "$reps"); do
    measure "$@" -b -n 1 -d "$delay" >> "$one"
    measure "$@" -b -n $((n + 1)) -d "$delay" >> "$many"
  done
  local t1 tn rss
  t1=$(cut -d' ' -f1 "$one" | median)
  tn=$(cut -d' ' -f1 "$many" | median)
  rss=$(cut -d' ' -f2 "$many" | median)
  awk -v t1="$t1" -v tn="$tn" -v n="$n" -v rss="$rss" 'BEGIN { printf "%.1f %.3f %.3f %d\n", (tn - t1) * 1000 / n, t1, tn, rss }'
}

# hello_jar: a bare java hello-world jar in the work folder; prints its path
hello_jar() {
  mkdir -p "$work/hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello, world"); } }\n' > "$work/hello/Hello.java"
  javac -d "$work/hello" "$work/hello/Hello.java"
  printf 'Main-Class: Hello\n' > "$work/hello/manifest"
  jar cfm "$work/hello/hello.jar" "$work/hello/manifest" -C "$work/hello" Hello.class
  echo "$work/hello/hello.jar"
}
