#!/usr/bin/env bash
# Builds errdocs-fuzz with libFuzzer and AddressSanitizer and fuzzes one error file through
# load → lint → render for SECONDS (default 60). Extra arguments go to libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [libFuzzer flags...]
#
# The seed corpus (Fuzz/corpus/) is copied to .build/fuzz-corpus, which libFuzzer grows, so new
# inputs never dirty the repository. Crashes, timeouts and OOMs are written to
# .build/fuzz-artifacts/ and make the script fail. See docs/fuzzing.md.
#
# Environment: FUZZ_SCRATCH (SwiftPM scratch path, default .build-fuzz), FUZZ_SANITIZERS
# (default fuzzer,address; "fuzzer" alone is faster but has no memory checks).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
scratch=${FUZZ_SCRATCH:-.build-fuzz}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
c_sanitizers=${sanitizers/fuzzer/fuzzer-no-link}
corpus=.build/fuzz-corpus
artifacts=.build/fuzz-artifacts
log=.build/fuzz.log

# -use-ld=lld: gold fails to link the AddressSanitizer-instrumented build (an internal error in
# format_file_lineno) with Swift 6.3 on Linux. -D ERRDOCS_LIBFUZZER makes the target's @main
# start libFuzzer's driver (see Sources/errdocs-fuzz/ErrdocsFuzz.swift).
swift build --scratch-path "$scratch" -c release --product errdocs-fuzz \
  -Xswiftc "-sanitize=$sanitizers" -Xcc "-fsanitize=$c_sanitizers" \
  -Xswiftc -DERRDOCS_LIBFUZZER -Xswiftc -use-ld=lld
binary="$scratch/release/errdocs-fuzz"

# The fuzzer's temporary catalog folders go here, one folder per run (so a short run beside a
# long one cannot remove the long one's catalog), removed afterwards even after a crash.
export TMPDIR=$PWD/.build/fuzz-tmp-$$
mkdir -p "$corpus" "$artifacts" "$TMPDIR"
cp -p Fuzz/corpus/* "$corpus"/
trap 'rm -rf "$TMPDIR"' EXIT
# Leak checking is off: Swift's runtime keeps metadata caches and other one-time allocations
# alive on purpose, which LeakSanitizer reports as leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:symbolize=1}

echo "Fuzzing for ${seconds}s with $binary (sanitizers: $sanitizers); log in $log"
status=0
"$binary" "$corpus" \
  -dict=Fuzz/yaml.dict \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -malloc_limit_mb=2048 \
  -max_len=65536 \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  "$@" >"$log" 2>&1 || status=$?

# The last status line and libFuzzer's final statistics.
grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 || true
grep -E '^(Done [0-9]+ runs|stat::)' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "errdocs-fuzz failed (exit $status): the report is at the end of $log; inputs are in $artifacts/" >&2
  grep -E '^(==[0-9]+==|SUMMARY|Fatal error|.*Fatal error|artifact_prefix|Test unit written)' "$log" | tail -n 20 >&2 || true
  exit "$status"
fi
echo "No crash, timeout or OOM."
