#!/usr/bin/env bash
# False positives of the plain-text cleaner (crates/dyad-ingest/src/clean.rs):
# runs it over the gold article texts of AEB and WCXB dev (clean text, one
# block per line) and counts the lines it would drop. --show lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/data/extract ]; then
  echo "../shared/data/extract not found: skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
os.makedirs(f"{out}/aeb"); os.makedirs(f"{out}/wcxb")
for key, value in json.load(open("../shared/data/extract/aeb/ground-truth.json")).items():
    open(f"{out}/aeb/{key}.txt", "w").write(value.get("articleBody") or "")
for path in glob.glob("../shared/data/extract/wcxb/dev/ground-truth/*.json"):
    gold = json.load(open(path))["ground_truth"].get("main_content") or ""
    open(f"{out}/wcxb/{os.path.basename(path)[:-5]}.txt", "w").write(gold)
PY
cargo build --release -q -p dyad-ingest --example clean_lines
for set in aeb wcxb; do
  printf '%s gold texts: ' "$set"
  "${CARGO_TARGET_DIR:-target}/release/examples/clean_lines" "$tmp/$set"/*.txt "$@"
done
