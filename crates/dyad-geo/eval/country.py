#!/usr/bin/env python3
"""Correct country of resolved toponyms on LGL-style XML (gold <gaztag> with a
<country geonameid=...>), the figure `score_places.py` does not print.

    python3 crates/dyad-geo/eval/country.py ../shared/data/geo/lgl.xml \
        --cmd 'target/release/dyad places {input}'

Counts the gold toponyms with a country that a predicted span overlaps (as the
scorer matches them), and how many of those carry the gold country's code; the
country's GeoNames id is turned into dyad's code through the gazetteer file.
"""
import argparse, json, os, subprocess, tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(os.path.dirname(HERE), "data", "gazetteer.tsv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--cmd", required=True)
    a = ap.parse_args()
    code = {}
    for line in open(GAZ, encoding="utf-8"):
        f = line.split("\t")
        if len(f) > 2 and f[1] == "C":
            code[f[0]] = f[2]
    docs = []
    for i, art in enumerate(ET.parse(a.gold).getroot().iter("article")):
        did = art.get("docid") or art.get("file") or str(i)
        gold = []
        for t in art.iter("toponym"):
            c = t.find("gaztag/country")
            if c is not None and c.get("geonameid") in code:
                gold.append((int(t.findtext("start")), int(t.findtext("end")), code[c.get("geonameid")]))
        docs.append((did, art.findtext("text") or "", gold))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for did, text, _ in docs:
            f.write(json.dumps({"id": did, "text": text}) + "\n")
    out = subprocess.run(a.cmd.replace("{input}", f.name), shell=True, capture_output=True, text=True).stdout
    os.unlink(f.name)
    pred = {}
    for ln in out.splitlines():
        if ln.startswith("{"):
            e = json.loads(ln)
            pred.setdefault(str(e["doc"]), []).append(e)
    found = right = 0
    for did, _, gold in docs:
        ps = pred.get(did, [])
        for gs, ge, cc in gold:
            hits = [p for p in ps if p["span"][0] < ge and gs < p["span"][1]]
            if hits:
                found += 1
                p = max(hits, key=lambda h: min(h["span"][1], ge) - max(h["span"][0], gs))
                right += p.get("country") == cc
    print(f"correct country {100 * right / max(found, 1):.1f}% of {found} found gold toponyms with a country")


if __name__ == "__main__":
    main()
