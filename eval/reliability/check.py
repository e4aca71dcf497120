#!/usr/bin/env python3
"""Runs `dyad extract` and `dyad code` on every input of the broken-input
corpus (`make_corpus.py`) and checks what `eval/reliability/check.sh` says.

    python3 eval/reliability/check.py CORPUS_DIR [--dyad BIN] [--budget S]
                                      [--commands extract,code] [--show N]

For every input and command, one process (`--threads 1`):
  - it exits 0, and nothing on standard error is a panic;
  - every input ends as output or an error record: `dyad extract` gives at
    least the documents the manifest names (the good records of a damaged
    archive) and at least one document or error line (an empty file may
    give none); `dyad code` accounts for every document it read (coded, or
    an error line) and gives at least one document or error line;
  - the time per document is within the budget: CPU time (user + system,
    which does not depend on what else the machine runs) less the time the
    command takes on a one-line input, divided by the documents the input
    holds. `dyad code` runs with `--doc-budget` set to the budget, which
    bounds coding: it may take that budget on top of what reading the input
    costs (the `dyad extract` time of the same input), and a document over
    it ends as a time-budget error record.
Prints the slowest inputs and the worst document's time; exits 1 on any
failure.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

SUMMARY = re.compile(r"(\d+) documents? read, (\d+) skipped.*?, (\d+) failed")
CODED = re.compile(r"(\d+) \w+? from (\d+) documents? coded")


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd, timeout):
    """Runs a command; returns (status, stdout, stderr, cpu, wall)."""
    before, started = cpu_of_children(), time.monotonic()
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        status, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        status, out, err = "timeout", exc.stdout or b"", exc.stderr or b""
    return status, out, err, cpu_of_children() - before, time.monotonic() - started


def json_lines(data):
    lines = []
    for line in data.decode("utf-8", "replace").splitlines():
        if line.startswith("{"):
            try:
                lines.append(json.loads(line))
            except ValueError:
                pass
    return lines


def check_one(dyad, command, path, min_docs, empty, timeout, budget):
    """Returns (problems, documents, budget errors, cpu, wall)."""
    args = [dyad, command, "--threads", "1", path]
    if command == "code":
        args[2:2] = ["--doc-budget", f"{budget:g}"]
    status, out, err, cpu, wall = run(args, timeout)
    problems = []
    text = err.decode("utf-8", "replace")
    if status != 0:
        problems.append(f"exit status {status}")
    if "panicked" in text or "RUST_BACKTRACE" in text:
        problems.append("panic: " + text[text.find("panicked"):][:200])
    records = json_lines(err)
    errors = [r for r in records if "error" in r and not str(r["error"]).startswith("warning: ")]
    over_budget = sum(1 for r in errors if "time budget" in str(r["error"]))
    outputs = json_lines(out)
    summary = SUMMARY.search(text)
    if command == "extract":
        docs = len(outputs)
        if docs < min_docs:
            problems.append(f"{docs} documents, at least {min_docs} expected")
        if docs + len(errors) == 0 and not empty:
            problems.append("no document and no error record")
    else:
        coded = CODED.search(text)
        if not summary or not coded:
            problems.append("no summary line on standard error")
            docs = 0
        else:
            read, failed = int(summary.group(1)), int(summary.group(3))
            docs = int(coded.group(2))
            if docs + len(errors) < read + failed:
                problems.append(
                    f"{read} read and {failed} failed, but {docs} coded and {len(errors)} error lines"
                )
            if read + failed == 0 and not empty:
                problems.append("no document and no error record")
            if read < min_docs:
                problems.append(f"{read} documents read, at least {min_docs} expected")
    return problems, docs, over_budget, cpu, wall


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--dyad", default=os.environ.get("DYAD", "target/release/dyad"))
    parser.add_argument("--budget", type=float, default=float(os.environ.get("BUDGET", "2")))
    parser.add_argument("--commands", default="extract,code")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    commands = [c for c in args.commands.split(",") if c]

    rows = []
    with open(os.path.join(args.corpus, "manifest.tsv")) as f:
        next(f)
        for line in f:
            rel, min_docs, docs = line.rstrip("\n").split("\t")
            rows.append((rel, int(min_docs), int(docs)))

    # What a command costs with nothing to do: subtracted from every run.
    baseline = {}
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.txt")
        with open(one, "w") as f:
            f.write("Peru thanked Bolivia on Monday.\n")
        for command in commands:
            baseline[command] = min(
                run([args.dyad, command, "--threads", "1", one], args.timeout)[3] for _ in range(3)
            )

    failures, timings = [], []
    budget_errors = 0
    for rel, min_docs, docs in rows:
        path = os.path.join(args.corpus, rel)
        empty = os.path.getsize(path) == 0
        extracting = 0.0  # what reading the input costs, per document
        for command in commands:
            problems, _, over_budget, cpu, wall = check_one(
                args.dyad, command, path, min_docs, empty, args.timeout, args.budget)
            per_doc = max(0.0, cpu - baseline[command]) / max(1, docs)
            timings.append((per_doc, cpu, wall, command, rel))
            budget_errors += over_budget
            if command == "extract":
                extracting = per_doc
            # `--doc-budget` bounds coding; reading a page is bounded apart
            # (extraction's own budget). So `dyad code` may take its coding
            # budget on top of what reading the input costs (the `dyad
            # extract` time of the same input), and a little to notice the
            # budget is spent.
            allowed = args.budget
            if command == "code":
                allowed = args.budget + extracting + 0.5
            if per_doc > allowed:
                problems.append(f"{per_doc:.2f} s per document, over the {allowed:g} s budget")
            for problem in problems:
                failures.append(f"{command} {rel}: {problem}")

    timings.sort(reverse=True)
    print(f"{len(rows)} inputs, {len(rows) * len(commands)} runs "
          f"(start-up subtracted: {', '.join(f'{c} {t:.2f} s' for c, t in baseline.items())} of CPU)")
    for command in commands:
        own = [t for t in timings if t[3] == command]
        if own:
            worst = own[0]
            print(f"{command}: worst document {worst[0]:.2f} s of CPU ({worst[4]}; "
                  f"{worst[2]:.2f} s wall for the process); total {sum(t[1] for t in own):.1f} s of CPU")
    print(f"documents `dyad code` stopped at their --doc-budget of {args.budget:g} s: {budget_errors}")
    print(f"slowest {args.show}:")
    for per_doc, cpu, wall, command, rel in timings[: args.show]:
        print(f"  {per_doc:6.2f} s/doc  {cpu:6.2f} s CPU  {wall:6.2f} s wall  {command:8} {rel}")
    if failures:
        print(f"{len(failures)} failures:")
        for failure in failures:
            print("  " + failure)
        sys.exit(1)
    print(f"ok: every input ended as output or error records, no panic, "
          f"every document within {args.budget:g} s or a time-budget error")


if __name__ == "__main__":
    main()
