#!/usr/bin/env bash
# Article extraction and publication dates of `dyad extract`, against the
# benchmarks in ../shared (AEB, WCXB dev articles) — the figures in
# docs/extraction.md. Needs a release build (`cargo build --release`).
#
#   bash eval/extract_eval.sh            # measure and print
#   bash eval/extract_eval.sh --check    # also fail below the floors (CI)
#
# Floors (a regression guard, a little under the figures measured):
# AEB F1 0.955, WCXB dev articles F1 0.92, date accuracy 84.7% (htmldate's).
set -euo pipefail
cd "$(dirname "$0")/.."

tools=../shared/tools
dyad=${DYAD:-${CARGO_TARGET_DIR:-target}/release/dyad}
if [ ! -d ../shared/data/extract ]; then
  echo "../shared/data/extract not found: extraction evaluation skipped"
  exit 0
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 "$tools/extract_eval.py" --batch-cmd "$dyad extract --to-dir {out} {in}" \
  --name dyad --repeat 3 | tee "$out/aeb.txt"
python3 "$tools/extract_eval.py" --dataset wcxb --split dev --page-type article \
  --batch-cmd "$dyad extract --to-dir {out} {in}" --name dyad --repeat 3 | tee "$out/wcxb.txt"
python3 "$tools/score_dates.py" ../shared/data/extract/wcxb/dev --cmd "$dyad extract {in}" | tee "$out/dates.txt"

# Throughput that does not depend on what else the machine runs: AEB pages
# per second of CPU time (user + system) on one extraction thread.
python3 - "$dyad" <<'PY'
import gzip, json, os, resource, subprocess, sys, tempfile
dyad = sys.argv[1]
aeb = "../shared/data/extract/aeb"
with tempfile.TemporaryDirectory() as tmp:
    src, dst = os.path.join(tmp, "in"), os.path.join(tmp, "out")
    os.mkdir(src)
    ids = sorted(json.load(open(f"{aeb}/ground-truth.json")))
    for i in ids:
        with gzip.open(f"{aeb}/html/{i}.html.gz") as f, open(f"{src}/{i}.html", "wb") as o:
            o.write(f.read())
    best = None
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([dyad, "extract", "--threads", "1", "--to-dir", dst, src], check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = cpu if best is None else min(best, cpu)
    print(f"AEB {len(ids)} pages in {best:.2f} s of CPU: {len(ids) / best:.0f} pages per CPU-second (one thread, best of 3)")
PY

if [ "${1:-}" = "--check" ]; then
  python3 - "$out" <<'EOF'
import re, sys
out = sys.argv[1]

def f1(name):
    for line in open(f"{out}/{name}.txt"):
        if line.startswith("dyad "):
            return float(line.split()[1])
    sys.exit(f"no score line in {name}")

acc = float(re.search(r"= ([0-9.]+)%", open(f"{out}/dates.txt").read()).group(1))
failed = []
for what, got, floor in [("AEB F1", f1("aeb"), 0.955), ("WCXB F1", f1("wcxb"), 0.92), ("date accuracy", acc, 84.7)]:
    print(f"{what}: {got} (floor {floor})")
    if got < floor:
        failed.append(what)
if failed:
    sys.exit("below the floor: " + ", ".join(failed))
EOF
fi
