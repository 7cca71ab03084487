#!/bin/sh
# Start-up benchmark: caro's everyday paths beside a bare JVM hello-world (the floor), measured in
# the same run, alternately, with the same JVM flags as the launcher. Prints a markdown table of
# medians: wall time, CPU time (user+sys, steadier than wall time on a busy machine) and peak RSS.
#
#   scripts/bench.sh [runs]            # default 10 runs per case
#   BENCH_JAVA_HOMES="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" scripts/bench.sh
#
# Needs GNU time (/usr/bin/time) and a built caro (./mvnw -q package -DskipTests; CARO_TARGET
# selects another build folder). Uses a throw-away cache directory, so the class data sharing
# archive is recorded fresh for each Java and the user's own cache is left alone.
#
# The rows without "-server" run caro in its own process (CARO_CLI_SERVER=off); the "-server" rows
# are answered by the resident CLI server, started by a first call and warmed up before measuring.
# The server lives in a throw-away run directory and is stopped at the end.
set -eu
runs=${1:-10}
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
caro="$root/caro"
work=$(mktemp -d)
stop_servers() { for p in "$work"/run/caro/cli-*.pid; do [ -f "$p" ] && kill "$(head -n 1 "$p")" 2>/dev/null; done; return 0; }
trap 'stop_servers; rm -rf "$work"' EXIT
mkdir -p "$work/hello" "$work/home" "$work/run"
chmod 700 "$work/run"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export XDG_RUNTIME_DIR="$work/run" CARO_CLI_SERVER_IDLE=900
flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xss4m"

# median of column $1 (1-based) of file $2
median() { awk -v c="$1" '{print $c}' "$2" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# measure NAME CMD...: appends "wall cpu rss_kb" per run to $work/NAME
measure() {
  name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1 </dev/null || true
  tail -1 "$work/t" | awk '{printf "%s %.3f %s\n", $1, $2+$3, $4}' >> "$work/$name"
}

for jh in ${BENCH_JAVA_HOMES:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}; do
  java="$jh/bin/java"
  version=$("$java" -version 2>&1 | head -1)
  "$jh/bin/javac" -d "$work/hello" "$work/hello/Hello.java"
  rm -rf "$work/cache" && rm -f "$work"/case-*
  # First run records the class data sharing archive in the background (not '--version'); wait for it.
  JAVA_HOME="$jh" CARO_JAVA="" CARO_CLI_SERVER=off "$caro" --help >/dev/null
  i=0; while [ -d "$work/cache/caro/cds/.recording" ] && [ $i -lt 300 ]; do sleep 1; i=$((i+1)); done
  # The first served line starts the resident server in the background; wait for it, then warm it up.
  stop_servers
  JAVA_HOME="$jh" "$caro" check 'rm -rf /' >/dev/null || true
  i=0; while ! ls "$work"/run/caro/cli-*.pid >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
  i=0; while [ $i -lt 10 ]; do
    JAVA_HOME="$jh" "$caro" check 'rm -rf /' >/dev/null || true
    JAVA_HOME="$jh" "$caro" -b offline -q "list files" >/dev/null || true
    i=$((i+1))
  done
  i=0
  while [ $i -lt "$runs" ]; do
    measure case-01-floor "$java" $flags -cp "$work/hello" Hello
    measure case-02-version env JAVA_HOME="$jh" CARO_CLI_SERVER=off "$caro" --version
    measure case-03-help env JAVA_HOME="$jh" CARO_CLI_SERVER=off "$caro" --help
    measure case-04-check env JAVA_HOME="$jh" CARO_CLI_SERVER=off "$caro" check 'rm -rf /'
    measure case-05-offline env JAVA_HOME="$jh" CARO_CLI_SERVER=off "$caro" -b offline -q "list files"
    measure case-06-check-nocds env JAVA_HOME="$jh" CARO_CLI_SERVER=off CARO_CDS=off "$caro" check 'rm -rf /'
    measure case-07-offline-nocds env JAVA_HOME="$jh" CARO_CLI_SERVER=off CARO_CDS=off "$caro" -b offline -q "list files"
    measure case-08-check-server env JAVA_HOME="$jh" "$caro" check 'rm -rf /'
    measure case-09-offline-server env JAVA_HOME="$jh" "$caro" -b offline -q "list files"
    i=$((i+1))
  done
  stop_servers
  echo
  echo "$version; $runs runs each, alternating; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo
  echo "| case | wall (median) | CPU user+sys (median) | peak RSS (median) | wall / floor | CPU / floor |"
  echo "|---|---|---|---|---|---|"
  fw=$(median 1 "$work/case-01-floor"); fc=$(median 2 "$work/case-01-floor")
  for f in "$work"/case-*; do
    name=$(basename "$f" | sed 's/^case-[0-9]*-//')
    w=$(median 1 "$f"); c=$(median 2 "$f"); r=$(median 3 "$f")
    awk -v n="$name" -v w="$w" -v c="$c" -v r="$r" -v fw="$fw" -v fc="$fc" \
      'BEGIN {printf "| %s | %.3f s | %.3f s | %d MB | %.1fx | %.1fx |\n", n, w, c, r/1024, w/fw, (fc>0?c/fc:0)}'
  done
done
