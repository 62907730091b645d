# Sourced by image/build-image.sh and vm/build-vm.sh: prints the JDK whose jlink and jmods cut the
# test runtimes — $JAVA_HOME when it has jlink, else the JDK the jlink on PATH belongs to — or
# says what is missing on stderr and returns 1.
jlink_jdk() {
  local jdk jl
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
    jdk="$JAVA_HOME"
  else
    jl="$(command -v jlink || true)"
    if [ -z "$jl" ]; then
      echo "no jlink found: install a JDK 17+ (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
      return 1
    fi
    jdk="$(dirname "$(dirname "$(readlink -f "$jl")")")"
  fi
  if [ ! -f "$jdk/jmods/java.base.jmod" ]; then
    echo "$jdk has no jmods/ for jlink (Debian: openjdk-17-jdk-headless ships them)" >&2
    return 1
  fi
  echo "$jdk"
}
