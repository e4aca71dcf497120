#!/usr/bin/env python3
"""Check dyad's CAMEO table (crates/dyad-types/data/cameo.txt) against the reference.

Compares every code of the GDELT CAMEO table (cameo_eventcodes_goldstein_quad.tsv):
the same set of codes, and for each code the same root, QuadClass and Goldstein
weight. The PLOVER type is compared with the CAMEO-to-PLOVER table
(CAMEO2PLOVER-2021.txt) wherever that table gives one, after writing its older
type names as the current ones.

Usage (from anywhere; default paths are relative to the repository root):
    python3 eval/check_cameo.py [REFERENCE_TSV] [--plover FILE] [--table FILE]

Exit status: 0 when everything matches, or when the reference is absent (a
"skipped" line is printed); 1 on any mismatch.
"""

import argparse
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REF = os.path.join(REPO, "..", "shared", "data", "cameo", "cameo_eventcodes_goldstein_quad.tsv")
DEFAULT_TABLE = os.path.join(REPO, "crates", "dyad-types", "data", "cameo.txt")

# Older PLOVER names and the current name each became.
OLD_PLOVER = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "COOPERATION": "COOPERATE",
}


def read_ours(path):
    """dyad's table: code -> dict(root, quad, goldstein, plover, name, line)."""
    table = {}
    problems = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split(None, 5)
            if len(fields) < 6:
                problems.append(f"line {number}: fewer than 6 fields: {line!r}")
                continue
            code, root, quad, gold, plover, name = fields
            if code in table:
                problems.append(f"line {number}: code {code} repeated")
                continue
            try:
                goldstein = float(gold)
            except ValueError:
                problems.append(f"line {number}: Goldstein {gold!r} is not a number")
                continue
            table[code] = {
                "root": root,
                "quad": quad,
                "goldstein": goldstein,
                "plover": None if plover == "-" else plover,
                "name": name.strip(),
                "line": number,
            }
    return table, problems


def read_reference(path):
    """The GDELT CAMEO table: code -> dict(root, quad, goldstein, name)."""
    ref = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            ref[row["CAMEOEVENTCODE"].strip()] = {
                "root": row["EVENTROOTCODE"].strip(),
                "quad": row["QUADCLASS"].strip(),
                "goldstein": float(row["GOLDSTEINSCALE"]),
                "name": row["EVENTDESCRIPTION"].strip(),
            }
    return ref


def read_plover(path):
    """CAMEO code -> set of current PLOVER names the mapping gives it.

    A set, because the mapping lists root 08 twice (CONCEDE and RETREAT).
    """
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = re.match(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)", raw)
            if m:
                name = OLD_PLOVER.get(m.group(2), m.group(2))
                mapping.setdefault(m.group(1), set()).add(name)
    return mapping


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?", default=DEFAULT_REF, help="cameo_eventcodes_goldstein_quad.tsv")
    parser.add_argument("--plover", help="CAMEO2PLOVER-2021.txt (default: next to the reference)")
    parser.add_argument("--table", default=DEFAULT_TABLE, help="dyad's cameo.txt")
    args = parser.parse_args()

    if not os.path.isfile(args.reference):
        print(f"skipped: ../shared not found ({os.path.normpath(args.reference)} is absent)")
        return 0
    plover_path = args.plover or os.path.join(os.path.dirname(args.reference), "CAMEO2PLOVER-2021.txt")

    ours, problems = read_ours(args.table)
    ref = read_reference(args.reference)
    errors = list(problems)

    missing = sorted(set(ref) - set(ours))
    extra = sorted(set(ours) - set(ref))
    for code in missing:
        errors.append(f"{code}: in the reference, missing from our table")
    for code in extra:
        errors.append(f"{code}: in our table, not in the reference")

    shared = sorted(set(ref) & set(ours))
    field_checks = 0
    for code in shared:
        r, o = ref[code], ours[code]
        if o["root"] != r["root"]:
            errors.append(f"{code}: root {o['root']} != reference {r['root']}")
        if o["quad"] != r["quad"]:
            errors.append(f"{code}: QuadClass {o['quad']} != reference {r['quad']}")
        if abs(o["goldstein"] - r["goldstein"]) > 1e-9:
            errors.append(f"{code}: Goldstein {o['goldstein']} != reference {r['goldstein']}")
        field_checks += 3

    plover_checked = plover_agree = 0
    plover_unmapped = []
    have_plover = os.path.isfile(plover_path)
    if have_plover:
        mapping = read_plover(plover_path)
        for code in shared:
            given = mapping.get(code)
            if not given:
                plover_unmapped.append(code)
                continue
            plover_checked += 1
            if ours[code]["plover"] in given:
                plover_agree += 1
            else:
                want = "/".join(sorted(given))
                errors.append(f"{code}: PLOVER {ours[code]['plover'] or '-'} != mapping {want}")
        not_cameo = sorted(set(mapping) - set(ref))

    print(f"reference: {os.path.normpath(args.reference)} ({len(ref)} codes)")
    print(f"ours:      {os.path.relpath(args.table, REPO)} ({len(ours)} codes)")
    print(f"codes: {len(shared)} shared, {len(missing)} missing, {len(extra)} extra")
    bad_fields = sum(1 for e in errors if re.search(r": (root|QuadClass|Goldstein) ", e))
    print(f"root/QuadClass/Goldstein: {field_checks - bad_fields}/{field_checks} field values agree")
    if have_plover:
        print(f"PLOVER: {plover_agree}/{plover_checked} agree with {os.path.basename(plover_path)}")
        if plover_unmapped:
            chosen = {}
            for code in plover_unmapped:
                chosen.setdefault(ours[code]["plover"] or "-", []).append(code)
            summary = "; ".join(f"{p}: {len(c)} ({c[0]}..{c[-1]})" for p, c in sorted(chosen.items()))
            print(f"PLOVER not given by the mapping for {len(plover_unmapped)} codes, ours: {summary}")
        if not_cameo:
            print(f"mapping codes not in the reference (ignored): {' '.join(not_cameo)}")
    else:
        print(f"PLOVER: not checked ({os.path.normpath(plover_path)} is absent)")

    if errors:
        print(f"FAIL: {len(errors)} mismatch(es)")
        for e in errors:
            print(f"  {e}")
        return 1
    print("OK: our CAMEO table matches the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
