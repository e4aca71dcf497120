#!/usr/bin/env bash
# PLOVER gold-standard sentences (dev set, 161 records) coded by `dyad code`
# with the built-in lexicon, scored by ../shared/tools/score_plover.py: the
# fair measure of the lexicon and coder on real news. Fails when the full-match
# rate (category, source country and target country right) drops below the
# figure in eval/plover_ratchet.txt.
# Builds nothing: uses target/release/dyad, or the binary named by $DYAD.
# Skips (exit 0) when ../shared is absent, as on users' machines.
set -euo pipefail
cd "$(dirname "$0")/.."

GOLD=../shared/data/plover/plover_gsr_dev.json
SCORER=../shared/tools/score_plover.py
if [ ! -f "$GOLD" ] || [ ! -f "$SCORER" ]; then
  echo "plover: ../shared not found; PLOVER evaluation skipped"
  exit 0
fi
DYAD=${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}
if [ ! -x "$DYAD" ]; then
  echo "plover: $DYAD not found; build it with 'cargo build --release' or set DYAD" >&2
  exit 1
fi

out=$(python3 "$SCORER" "$GOLD" --show "${SHOW:-0}" --cmd "$DYAD code {input}") || true
echo "$out"

rate=$(echo "$out" | sed -n 's/^category [0-9.]*%  full [0-9]*\/[0-9]* = \([0-9.]*\)%.*/\1/p' | tail -1)
floor=$(grep -v '^#' eval/plover_ratchet.txt | head -1 | tr -d '[:space:]')
if [ -z "$rate" ]; then
  echo "plover: FAILED: no full-match rate in the scorer's output" >&2
  exit 1
fi
if python3 -c "import sys; sys.exit(0 if float('$rate') >= float('$floor') else 1)"; then
  echo "plover: full-match rate $rate% (ratchet $floor%)"
else
  echo "plover: FAILED: full-match rate $rate% is below the ratchet $floor% (eval/plover_ratchet.txt)" >&2
  exit 1
fi
