#!/usr/bin/env bash
# The test suite on a busy machine: runs `cargo test --workspace` RUNS times
# (default 10) while one busy loop per core keeps every core loaded, and
# counts the runs that pass. The suite must not depend on the machine's
# speed (docs/reliability.md).
#
#   bash eval/tests_under_load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
cargo test --workspace --no-run -q 2>/dev/null   # build first, unloaded
cores=$(nproc)
pids=()
for _ in $(seq "$cores"); do
  yes > /dev/null &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

passed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  if cargo test --workspace -q > "/tmp/tests-under-load-$i.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: passed ($(( $(date +%s) - start )) s)"
  else
    echo "run $i: FAILED ($(( $(date +%s) - start )) s); see /tmp/tests-under-load-$i.log"
  fi
done
echo "tests under load ($cores busy loops on $cores cores): $passed of $runs runs passed"
[ "$passed" -eq "$runs" ]
