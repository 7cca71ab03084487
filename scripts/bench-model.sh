#!/bin/sh
# Model requests end to end: the whole `caro` command with the llama.cpp backend, cold (--no-daemon:
# this process loads the model and prefills the prompt) and warm (through the background model
# server, after one request has loaded it), beside the floor: a bare java-llama.cpp program
# (BareRun) doing the same load and completion on the same model, with the very prompt caro
# builds in this directory and environment (written once by PromptDump). Alternating in one run; medians
# of wall time and peak RSS (for the warm case, of the caro client only; the server's memory is
# the cold case's).
#
#   scripts/bench-model.sh MODEL.gguf [runs]      # default 5 runs per case
#
# Needs GNU time, a built caro (./mvnw -q package -DskipTests) and the benchmark programs
# (./mvnw -q -pl caro-backend-llamacpp -am test-compile). A Qwen2.5-Coder-shaped model with random
# weights is written by the llama.cpp benchmark (see docs/BENCHMARKS.md) into
# caro-backend-llamacpp/target/bench/. Uses throw-away XDG directories, so the user's config,
# cache and running servers are left alone. Settings for both: 2048 context, at most 32 tokens,
# temperature 0, no mmap, threads = BENCH_THREADS (default 2).
set -eu
model=$(readlink -f "$1")
runs=${2:-5}
threads=${BENCH_THREADS:-2}
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
target=${CARO_TARGET:-target}
caro="$root/caro"
work=$(mktemp -d)
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
  XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_CONFIG_HOME/caro" "$XDG_RUNTIME_DIR" "$work/tmp"
chmod 700 "$XDG_RUNTIME_DIR"
trap '"$caro" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cat > "$XDG_CONFIG_HOME/caro/config.toml" <<EOF
[backends.llamacpp]
threads = $threads
context = 2048
max_tokens = 32
EOF
request="find pdf files over 10MB in Downloads"
cp="$root/caro-backend-llamacpp/$target/test-classes:$root/caro-backend-llamacpp/$target/classes:$root/caro-cli/$target/lib/*"

median() { awk -v c="$1" '{print $c}' "$2" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
measure() {
  name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/out" 2>/dev/null </dev/null || true
  tail -1 "$work/t" >> "$work/case-$name"
  # BareRun prints its own timings: the completion (prefill + generation) and the first token
  sed -n 's/.*first_token_ms=\([0-9]*\).*answer_ms=\([0-9]*\).*/\1 \2/p' "$work/out" >> "$work/timings"
}

# The bare program sends the very prompt caro builds here (same directory, environment and tools).
java -cp "$cp" dev.caro.backend.llamacpp.bench.PromptDump "$work/prompt.txt" "$request"
# The first request starts the model server and fills its prompt cache; it is not measured.
"$caro" -b llamacpp -m "$model" -q "$request" >/dev/null 2>&1 </dev/null || true
i=0
while [ $i -lt "$runs" ]; do
  measure 1-bare java -Djava.io.tmpdir="$work/tmp" -cp "$cp" dev.caro.backend.llamacpp.bench.BareRun "$model" "$threads" "$work/prompt.txt"
  measure 2-cold "$caro" --no-daemon -b llamacpp -m "$model" -q "$request"
  measure 3-warm "$caro" -b llamacpp -m "$model" -q "$request"
  i=$((i+1))
done
echo
echo "$(basename "$model"); $runs runs each, alternating; $threads threads; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | wall (median) | peak RSS (median) | wall / bare |"
echo "|---|---|---|---|"
bare=$(median 1 "$work/case-1-bare")
for f in "$work"/case-*; do
  name=${f##*/case-?-}
  w=$(median 1 "$f"); r=$(median 2 "$f")
  printf '| %s | %s s | %d MB | %sx |\n' "$name" "$w" "$((${r%.*} / 1024))" "$(awk -v a="$w" -v b="$bare" 'BEGIN {printf "%.2f", a / b}')"
done
echo
awk '{g=($2-$1)/1000; c=$2/1000; print g, c}' "$work/timings" > "$work/gen"
gen=$(median 1 "$work/gen"); completion=$(median 2 "$work/gen"); warm=$(median 1 "$work/case-3-warm")
echo "bare completion inside its process: $completion s (prefill + generation), of which generation after the first token $gen s"
echo "warm caro request / bare completion: $(awk -v a="$warm" -v b="$completion" 'BEGIN {printf "%.2f", a / b}')x;" \
  "warm caro request / bare generation: $(awk -v a="$warm" -v b="$gen" 'BEGIN {printf "%.2f", a / b}')x (issue 8 target: at most 1.2x)"
