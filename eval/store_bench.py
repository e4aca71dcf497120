#!/usr/bin/env python3
"""Figures for docs/store.md: ingest throughput against `dyad code` alone,
re-ingest time, kill -9 at random moments then resume, and query times on a
database of synthetic events.

    cargo build --release -p dyad && cargo build --release -p dyad-store --example synth
    python3 eval/store_bench.py [--kills 20] [--events 10000000] [--copies 2]

Documents: the AEB and WCXB dev pages of ../shared through `dyad extract`
(not committed), repeated `--copies` times under new ids. Everything is
written under --work (default /tmp/dyad-store-bench). Standard library only.
"""
import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data", "extract")


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    return time.perf_counter() - start


def rows(db):
    conn = sqlite3.connect(db)
    counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("documents", "events", "mentions"))
    conn.close()
    return counts


def documents(dyad, work, copies):
    pages = os.path.join(work, "pages.jsonl")
    if not os.path.exists(pages):
        with open(pages, "w") as out:
            subprocess.run([dyad, "extract", os.path.join(SHARED, "aeb", "html"),
                            os.path.join(SHARED, "wcxb", "dev", "html")],
                           stdout=out, stderr=subprocess.DEVNULL, check=True)
    path = os.path.join(work, f"docs-x{copies}.jsonl")
    n = 0
    with open(pages) as src, open(path, "w") as out:
        lines = src.readlines()
        for copy in range(copies):
            for line in lines:
                doc = json.loads(line)
                if copy:
                    doc["id"] = f"{doc['id']}~{copy}"
                out.write(json.dumps(doc) + "\n")
                n += 1
    return path, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--synth", default=None, help="the synth example binary")
    ap.add_argument("--work", default="/tmp/dyad-store-bench")
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--skip", default="", help="comma-separated: throughput,kill,query")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(args.work, exist_ok=True)
    dyad = args.dyad
    synth = args.synth or os.path.join(os.path.dirname(dyad), "examples", "synth")
    docs, n = documents(dyad, args.work, args.copies)
    print(f"documents: {n} ({args.copies} copies of the extracted AEB + WCXB dev pages)")
    fresh = os.path.join(args.work, "fresh.db")
    t_ingest = None

    if "throughput" not in skip:
        codes, ingests = [], []
        for _ in range(args.rounds):
            codes.append(timed([dyad, "code", "--quiet", docs], stdout=subprocess.DEVNULL))
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(fresh + suffix):
                    os.remove(fresh + suffix)
            ingests.append(timed([dyad, "ingest", "--quiet", "--db", fresh, docs]))
        t_code, t_ingest = min(codes), min(ingests)
        print(f"dyad code:   {t_code:.1f} s ({n / t_code:.1f} docs/s) runs {['%.1f' % t for t in codes]}")
        print(f"dyad ingest: {t_ingest:.1f} s ({n / t_ingest:.1f} docs/s) runs {['%.1f' % t for t in ingests]}")
        print(f"ingest throughput / code throughput: {100 * t_code / t_ingest:.1f}%")
        before = rows(fresh)
        t_re = timed([dyad, "ingest", "--quiet", "--db", fresh, docs])
        after = rows(fresh)
        print(f"re-ingest: {t_re:.2f} s ({100 * t_re / t_ingest:.1f}% of the first run); "
              f"rows (documents, events, mentions) {before} -> {after}")
        print(f"database: {os.path.getsize(fresh) / 1e6:.1f} MB")

    if "kill" not in skip:
        if t_ingest is None:
            t_ingest = 60.0
        killed_db = os.path.join(args.work, "killed.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(killed_db + suffix):
                os.remove(killed_db + suffix)
        rng = random.Random(13)
        kills = 0
        for i in range(args.kills):
            stored = rows(killed_db)[0] if os.path.exists(killed_db) and os.path.getsize(killed_db) else 0
            left = max(0.5, t_ingest * (1 - stored / n))
            proc = subprocess.Popen([dyad, "ingest", "--quiet", "--db", killed_db, docs],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.2, left))
            if proc.poll() is None:
                proc.kill()  # SIGKILL
                kills += 1
            proc.wait()
            conn = sqlite3.connect(killed_db)
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            dup = conn.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchone()[0]
            orphans = conn.execute("SELECT count(*) FROM mentions m LEFT JOIN events e "
                                   "ON e.event = m.event WHERE e.event IS NULL").fetchone()[0]
            conn.close()
            print(f"kill {i + 1}: integrity {ok}, {rows(killed_db)[0]} documents stored, "
                  f"duplicates {dup}, orphan mentions {orphans}")
            assert ok == "ok" and dup == 0 and orphans == 0
        subprocess.run([dyad, "ingest", "--quiet", "--db", killed_db, docs], check=True)
        same = rows(killed_db) == rows(fresh)
        export = lambda db: subprocess.run([dyad, "export", "--db", db, "--format", "csv"],
                                           capture_output=True, check=True).stdout
        identical = export(killed_db) == export(fresh)
        print(f"{kills} kills (SIGKILL) at random moments, then resumed: rows {rows(killed_db)} "
              f"vs uninterrupted {rows(fresh)}: {'same' if same else 'DIFFERENT'}; "
              f"CSV export {'identical' if identical else 'DIFFERENT'}")

    if "query" not in skip:
        synth_db = os.path.join(args.work, f"synth-{args.events}.db")
        if not os.path.exists(synth_db):
            t = timed([synth, synth_db, str(args.events)], stderr=subprocess.DEVNULL)
            print(f"synthetic database: {args.events} events in {t:.0f} s, "
                  f"{os.path.getsize(synth_db) / 1e9:.2f} GB")
        queries = [
            ["dyad", "USA", "RUS", "--by", "week"],
            ["dyad", "USA", "RUS", "--from", "2015-01-01", "--by", "week", "--direction", "forward"],
            ["dyad", "USAGOV", "RUSGOV", "--by", "month"],
            ["dyad", "CHN", "JPN", "--from", "2020-01-01", "--to", "2020-12-31", "--by", "day"],
            ["events", "--source", "USA", "--target", "RUS", "--code", "19*", "--limit", "100"],
            ["top", "dyads", "--from", "2020-01-01", "--to", "2020-01-31"],
        ]
        conn = sqlite3.connect(synth_db)
        usa_rus = conn.execute("SELECT count(*) FROM events WHERE source_country='USA' AND target_country='RUS'").fetchone()[0]
        rus_usa = conn.execute("SELECT count(*) FROM events WHERE source_country='RUS' AND target_country='USA'").fetchone()[0]
        conn.close()
        print(f"USA->RUS events: {usa_rus}, RUS->USA: {rus_usa}")
        for q in queries:
            cmd = [dyad, "query", "--db", synth_db, "--format", "csv"] + q
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
            times = [timed(cmd, stdout=subprocess.DEVNULL) for _ in range(7)]
            print(f"query {' '.join(q)}: median {1000 * statistics.median(times):.0f} ms "
                  f"(min {1000 * min(times):.0f} ms, 7 runs, whole process)")


if __name__ == "__main__":
    sys.exit(main())
