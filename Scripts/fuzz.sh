#!/usr/bin/env bash
# Fuzzes Entente with libFuzzer: builds the `entente-fuzz` targets with -sanitize=fuzzer (the
# Linux toolchain's) and runs each for a while, starting from the seed corpus written for this
# project (Fuzz/Corpus/TARGET). New inputs go to .build-fuzz/corpus/TARGET, crashes to
# .build-fuzz/crashes/TARGET (.build-fuzz-quick/ with ENTENTE_FUZZ_QUICK=1). A target that crashes stops the script with status 1.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]     (60 s per target; all targets by default)
#
# ENTENTE_FUZZ_QUICK=1 builds without optimisation: it builds in a fraction of the time and
# fuzzes slower (what CI does for its short runs). (The build is SwiftPM's release
# configuration either way.)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text jsonl petrarch code query)

scratch=.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer -Xswiftc -DENTENTE_FUZZ)
if [ "${ENTENTE_FUZZ_QUICK:-0}" = 1 ]; then
  scratch=.build-fuzz-quick
  flags+=(-Xswiftc -Onone)
fi
swift build -c release --scratch-path "$scratch" --product entente-fuzz "${flags[@]}"
binary=$scratch/release/entente-fuzz

for target in "${targets[@]}"; do
  corpus=$scratch/corpus/$target
  crashes=$scratch/crashes/$target
  mkdir -p "$corpus" "$crashes"
  log=$scratch/fuzz-$target.log
  echo "fuzzing $target for $seconds s"
  # -rss_limit_mb: a document's peak memory is bounded (docs/hardening.md); more is a bug.
  # Crashes are libFuzzer's to report (and to save), not Swift's backtracer's.
  if ! SWIFT_BACKTRACE=enable=no ENTENTE_FUZZ_TARGET=$target "$binary" "$corpus" "Fuzz/Corpus/$target" \
    -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz target $target failed; the input is in $crashes:"
    grep -E "ERROR|Precondition|Fatal|crash-|timeout-|oom-" "$log" | head -20
    exit 1
  fi
  # The last status line: executions, coverage (edges) and features.
  stats=$(grep -E "^#[0-9]+" "$log" | tail -1)
  runs=$(grep -E "stat::number_of_executed_units" "$log" | awk '{print $2}')
  echo "  $target: $runs executions; last status: $stats"
done
