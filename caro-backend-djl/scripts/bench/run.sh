#!/bin/sh
# Benchmarks the DJL and llama.cpp backends on random-weight models of the same llama shape:
# load time, tokens/s and memory, each run in a fresh JVM the way caro runs (one request).
#
#   caro-backend-djl/scripts/bench/run.sh [MAX_TOKENS] [THREADS] [RUNS]
#
# Needs Debian's python3-torch and python3-numpy for the models (apt-get install python3-torch).
# Set CARO_TARGET to use another build folder name.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd)
cd "$root"
t=${CARO_TARGET:-target}
max_tokens=${1:-64}
threads=${2:-2}
runs=${3:-3}
work="$root/caro-backend-djl/$t/bench"
mkdir -p "$work"

./mvnw -q -Dcaro.target="$t" -pl caro-core,caro-backend-llamacpp,caro-backend-djl -am package \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$t/bench-classpath.txt" -DskipTests
cp=""
for m in caro-api caro-core caro-backend-llamacpp caro-backend-djl; do
  cp="$cp:$(ls "$m/$t"/"$m"-*.jar | head -n 1):$(cat "$m/$t/bench-classpath.txt")"
done

[ -f "$work/models/bench.gguf" ] || /usr/bin/python3 caro-backend-djl/scripts/bench/make_bench_models.py "$work/models"

java -version 2>&1 | head -n 1
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
# One untimed run each first: DJL unpacks libtorch into the cache, llama.cpp its library.
for b in "caro.djl $work/models/djl" "caro.llamacpp $work/models/bench.gguf"; do
  set -- $b
  java -cp "${cp#:}" caro-backend-djl/scripts/bench/BackendBench.java "$1" "$2" 1 "$threads" "$work/cache" >/dev/null 2>&1
done
for i in $(seq 1 "$runs"); do
  for b in "caro.djl $work/models/djl" "caro.llamacpp $work/models/bench.gguf"; do
    set -- $b
    java -cp "${cp#:}" caro-backend-djl/scripts/bench/BackendBench.java "$1" "$2" 1 "$threads" "$work/cache" 2>/dev/null | sed 's/^/first-token /'
    java -cp "${cp#:}" caro-backend-djl/scripts/bench/BackendBench.java "$1" "$2" "$max_tokens" "$threads" "$work/cache" 2>/dev/null | sed "s/^/max-$max_tokens /"
  done
done
