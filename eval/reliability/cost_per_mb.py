#!/usr/bin/env python3
"""Cost of `dyad code` per MB of text on pathological inputs against normal
news text: run-on text without punctuation, one giant token, base64, CJK
without spaces (issue target: the worst at most 3x normal).

    python3 eval/reliability/cost_per_mb.py [--dyad BIN]

Inputs are made here from the sentences of make_corpus.py (our own); each
is coded in one process, one thread, no time budget (`--doc-budget 0`);
the figure is CPU time (user + system) less the start-up cost (a one-line
input), per MB of input.
"""
import argparse
import base64
import os
import random
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_corpus import CHINESE, PARAGRAPHS, THAI, WORDS  # noqa: E402

SIZE = 250_000


def inputs(rng):
    news = []
    while sum(len(p) + 2 for p in news) < SIZE:
        news.append(rng.choice(PARAGRAPHS))
    words = []
    while sum(len(w) + 1 for w in words) < SIZE:
        words.append(rng.choice(WORDS))
    blob = base64.b64encode(bytes(rng.randrange(256) for _ in range(SIZE * 3 // 4))).decode()
    return {
        "normal news text": "\n\n".join(news),
        "run-on words, no punctuation": " ".join(words),
        "base64, 76-character lines": "\n".join(blob[i:i + 76] for i in range(0, len(blob), 76)),
        "one giant token": "Talks began. " + "x" * SIZE + " ended.",
        "hyphenated run-on": "-".join(words),
        "Chinese without spaces": "".join(rng.choice(CHINESE) for _ in range(SIZE // 3)),
        "Thai without spaces": "".join(THAI for _ in range(SIZE // len(THAI.encode()))),
    }


def cpu(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    ap.add_argument("--dyad", default=os.environ.get("DYAD", f"{target}/release/dyad"))
    args = ap.parse_args()
    code = [args.dyad, "code", "--threads", "1", "--doc-budget", "0", "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.txt")
        with open(one, "w") as f:
            f.write("Peru thanked Bolivia on Monday.\n")
        start = min(cpu(code + [one]) for _ in range(3))
        rows = []
        for name, text in inputs(random.Random(7)).items():
            path = os.path.join(tmp, "input.txt")
            data = text.encode()
            with open(path, "wb") as f:
                f.write(data)
            seconds = min(cpu(code + [path]) for _ in range(2)) - start
            rows.append((name, len(data) / 1e6, max(seconds, 0.0) / (len(data) / 1e6)))
    normal = rows[0][2]
    print(f"dyad code, one thread, CPU s per MB (start-up {start:.2f} s subtracted)")
    for name, mb, per_mb in rows:
        print(f"  {name:32} {mb:5.2f} MB  {per_mb:6.2f} s/MB  {per_mb / normal:5.2f}x normal")
    worst = max(rows[1:], key=lambda r: r[2])
    print(f"worst: {worst[0]}, {worst[2] / normal:.2f}x normal news text")


if __name__ == "__main__":
    main()
