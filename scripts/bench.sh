#!/usr/bin/env bash
# make bench: release build, synthetic catalogs from generate-catalog, then medians of several
# runs (hyperfine) and peak memory (GNU time) for each measured command. Results are printed
# and written to bench/results.md with the machine they came from.
#
#   BENCH_SIZES="1000 10000"   catalog sizes (errors)
#   BENCH_RUNS=5               runs per measurement
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"1000 10000"}
runs=${BENCH_RUNS:-5}
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "Installing hyperfine and time (Debian packages)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine time
fi

swift build -c release --product errdocs >/dev/null
swift build -c release --product generate-catalog >/dev/null
bin=$(swift build -c release --show-bin-path)
work=.build/bench
mkdir -p "$work"

results=bench/results.md
{
  echo "# Benchmark results"
  echo
  echo "Command: \`make bench\` (scripts/bench.sh), release build, median of $runs runs (hyperfine, 1 warm-up)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)."
  echo
  echo "| errors | command | median | min | max | peak memory |"
  echo "|---:|---|---:|---:|---:|---:|"
} > "$results"

measure() {  # measure SIZE LABEL COMMAND...
  local size=$1 label=$2; shift 2
  local json="$work/hyperfine.json"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" "$*" >/dev/null
  local rss
  rss=$( /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 )
  python3 - "$json" "$size" "$label" "$rss" >> "$results" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"][0]
size, label, rss = sys.argv[2], sys.argv[3], int(sys.argv[4])
print(f"| {int(size):,} | {label} | {data['median']:.3f} s | {data['min']:.3f} s | {data['max']:.3f} s | {rss / 1024:.0f} MB |")
PY
  tail -1 "$results"
}

for size in $sizes; do
  catalog="$work/catalog-$size"
  if [ ! -f "$catalog/.complete" ]; then
    rm -rf "$catalog"
    "$bin/generate-catalog" "$size" "$catalog"
    touch "$catalog/.complete"
  fi
  measure "$size" "lint" "$bin/errdocs" lint --quiet "$catalog"
done
echo
echo "Written to $results"
