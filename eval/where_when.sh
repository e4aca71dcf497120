#!/usr/bin/env bash
# Where and when (issue 12): places (LGL, GeoWebNews), temporal expressions
# (TempEval-3 platinum) and event locations scored by the shared scorers, each
# against a floor in eval/where_when_floors.txt. Fails when a figure drops below
# its floor. Builds nothing: uses target/release/dyad, or the binary named by $DYAD.
# Skips (exit 0) when ../shared is absent, as on users' machines.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=../shared/tools
GEO=../shared/data/geo
if [ ! -d "$TOOLS" ] || [ ! -d "$GEO" ]; then
  echo "where_when: ../shared not found; skipped"
  exit 0
fi
DYAD=${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}
if [ ! -x "$DYAD" ]; then
  echo "where_when: $DYAD not found; build it with 'cargo build --release' or set DYAD" >&2
  exit 1
fi

floor() { grep "^$1 " eval/where_when_floors.txt | awk '{print $2}'; }
failed=0
check() { # name value
  local f; f=$(floor "$1")
  if python3 -c "import sys; sys.exit(0 if float('$2') >= float('$f') else 1)"; then
    echo "where_when: $1 $2 (floor $f)"
  else
    echo "where_when: FAILED: $1 $2 is below its floor $f (eval/where_when_floors.txt)" >&2
    failed=1
  fi
}

lgl=$(python3 "$TOOLS/score_places.py" "$GEO/lgl.xml" --cmd "$DYAD places {input}" | tail -1)
check lgl_recall "$(echo "$lgl" | sed -n 's/^recall \([0-9.]*\)%.*/\1/p')"
check lgl_acc161 "$(echo "$lgl" | sed -n 's/.*acc@161 \([0-9.]*\)%.*/\1/p')"
gwn=$(python3 "$TOOLS/score_places.py" "$GEO/GeoWebNews_GWN.xml" --cmd "$DYAD places {input}" | tail -1)
check gwn_acc161 "$(echo "$gwn" | sed -n 's/.*acc@161 \([0-9.]*\)%.*/\1/p')"
timex=$(python3 "$TOOLS/score_timex.py" --cmd "$DYAD times {input}" | tail -1)
check timex_value_f1 "$(python3 -c "print(round(100 * float('$timex'), 1))")"
loc=$(python3 "$TOOLS/score_event_location.py" "$GEO/event_location_dev.jsonl" --cmd "$DYAD code {input}" | tail -1)
check event_location_accuracy "$(echo "$loc" | sed -n 's/^event location accuracy \([0-9.]*\)%.*/\1/p')"
exit $failed
