#!/usr/bin/env bash
# The reliability suite: builds the broken-input corpus (make_corpus.py:
# damaged WARC and gzip, encodings, JSON lines, run-on text, giant tokens,
# deep markup, CJK without spaces, mutated pages) in a temporary folder and
# runs `dyad extract` and `dyad code` on every input (check.py): no panic,
# every input ends as output or error records, each document within the
# time budget (CPU seconds, default 2). Prints the worst document's time.
#
#   bash eval/reliability/check.sh                      # target/release/dyad
#   DYAD=path/to/dyad BUDGET=2 bash eval/reliability/check.sh
#   bash eval/reliability/check.sh --commands extract   # options of check.py
set -euo pipefail
cd "$(dirname "$0")/../.."

dyad=${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}
if [ ! -x "$dyad" ]; then
  echo "$dyad not found: run cargo build --release, or set DYAD" >&2
  exit 2
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 eval/reliability/make_corpus.py "$corpus"
python3 eval/reliability/check.py "$corpus" --dyad "$dyad" "$@"
