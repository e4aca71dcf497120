#!/usr/bin/env bash
# Regression check of the language layer: UPOS and LAS of `dyad parse` on the
# UD English EWT dev set must not fall more than 0.3 below the committed
# model's figures (crates/dyad-nlp/models/dev_scores.txt, written by `dyad train`).
# Skipped when ../shared is absent. Run from anywhere; builds nothing itself
# unless the release binary is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=../shared/data/ud-ewt/en_ewt-ud-dev.conllu
SCORER=../shared/tools/score_conllu.py
if [ ! -f "$DEV" ] || [ ! -f "$SCORER" ]; then
  echo "check_nlp: ../shared is absent; skipped"
  exit 0
fi
BIN="${DYAD_BIN:-${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}}"
if [ ! -x "$BIN" ]; then
  cargo build --release -p dyad
fi

out=$(python3 "$SCORER" "$DEV" --cmd "$BIN parse --input-format conllu {input}")
echo "$out"
python3 - "$out" crates/dyad-nlp/models/dev_scores.txt <<'PY'
import re, sys
out, ref_path = sys.argv[1], sys.argv[2]
got = {k.lower(): float(v) for k, v in re.findall(r"\b(UPOS|LAS) ([0-9.]+)", out)}
ref = {}
for line in open(ref_path, encoding="utf-8"):
    parts = line.split()
    if len(parts) == 2:
        ref[parts[0].lower()] = float(parts[1])
failed = False
for key in ("upos", "las"):
    if key not in got or key not in ref:
        print(f"check_nlp: missing {key} (output or {ref_path})")
        failed = True
        continue
    floor = ref[key] - 0.3
    status = "ok" if got[key] >= floor else "FAILED"
    print(f"check_nlp: dev {key.upper()} {got[key]:.2f} (committed {ref[key]:.2f}, floor {floor:.2f}) {status}")
    failed |= got[key] < floor
sys.exit(1 if failed else 0)
PY
