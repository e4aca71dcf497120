#!/usr/bin/env bash
# The PETRARCH unit-test suite (276 records) coded by `dyad code` with the
# suite's own dictionaries, scored by ../shared/tools/score_petr.py.
# Fails when the pass rate drops below the figure in eval/petr_ratchet.txt.
# Builds nothing: uses target/release/dyad, or the binary named by $DYAD.
# Skips (exit 0) when ../shared is absent, as on users' machines.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=../shared/data/petrarch/unit-tests
SCORER=../shared/tools/score_petr.py
if [ ! -d "$SUITE" ] || [ ! -f "$SCORER" ]; then
  echo "petr_suite: ../shared not found; PETRARCH suite skipped"
  exit 0
fi
DYAD=${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}
if [ ! -x "$DYAD" ]; then
  echo "petr_suite: $DYAD not found; build it with 'cargo build --release' or set DYAD" >&2
  exit 1
fi

out=$(python3 "$SCORER" "$SUITE/PETR.UnitTest.records.xml" --show "${SHOW:-0}" --cmd "$DYAD code \
  --verbs $SUITE/PETR.Validate.verbs.2.0.txt \
  --actors $SUITE/PETR.Validate.actors.txt \
  --agents $SUITE/PETR.Validate.agents.txt \
  --discards $SUITE/PETR.Validate.discards.txt {input}") || true
echo "$out"

# The Phoenix production dictionaries must load (warnings name real defects
# of those files; an error would stop the run).
PHOENIX=../shared/data/petrarch/phoenix
if [ -d "$PHOENIX" ]; then
  if warnings=$(echo "The ministers met." | "$DYAD" code \
      --verbs "$PHOENIX/CAMEO.2.0.txt" \
      --actors "$PHOENIX/Phoenix.Countries.actors.txt" \
      --actors "$PHOENIX/Phoenix.International.actors.txt" \
      --actors "$PHOENIX/Phoenix.MilNonState.actors.txt" \
      --agents "$PHOENIX/Phoenix.agents.txt" \
      --discards "$PHOENIX/Phoenix.discards.txt" - 2>&1 >/dev/null); then
    echo "petr_suite: Phoenix dictionaries load ($(echo "$warnings" | grep -c 'warning') warnings)"
  else
    echo "petr_suite: FAILED: the Phoenix dictionaries do not load:" >&2
    echo "$warnings" | tail -3 >&2
    exit 1
  fi
fi

rate=$(echo "$out" | sed -n 's/^pass [0-9]*\/[0-9]* = \([0-9.]*\)%.*/\1/p' | tail -1)
floor=$(grep -v '^#' eval/petr_ratchet.txt | head -1 | tr -d '[:space:]')
if [ -z "$rate" ]; then
  echo "petr_suite: FAILED: no pass rate in the scorer's output" >&2
  exit 1
fi
if python3 -c "import sys; sys.exit(0 if float('$rate') >= float('$floor') else 1)"; then
  echo "petr_suite: pass rate $rate% (ratchet $floor%)"
else
  echo "petr_suite: FAILED: pass rate $rate% is below the ratchet $floor% (eval/petr_ratchet.txt)" >&2
  exit 1
fi
