#!/usr/bin/env python3
"""Generate crates/dyad-lexicon/data/roles.agents.txt: the role nouns of the PLOVER agents
dictionary that dyad's hand-written agents.txt lacks, with their CAMEO sector codes.

Facts only: each noun and the sector it names (a "peasant" is agriculture, a "militiaman"
military). Source: the PLOVER agents dictionary of the Open Event Data Alliance (MIT), as
found in ../shared/data/leaders/plover/PLOVER_agents.txt. Codes that are not CAMEO sector
codes are mapped (JRN journalists -> MED, SOC civil society -> CVL) or the entry is left
out (JNK, NON, UNK, PRM, PRE: placeholders of that file). Nouns written with a
substitution marker are expanded; plurals are made by dyad's reader as for agents.txt.

Usage, from the repository root:
    python3 crates/dyad-lexicon/gen/agents.py            # rewrite the file
    python3 crates/dyad-lexicon/gen/agents.py --check    # exit 1 if it is out of date
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "leaders", "plover", "PLOVER_agents.txt")
DATA = os.path.join(ROOT, "crates", "dyad-lexicon", "data")
OUT = os.path.join(DATA, "roles.agents.txt")

# CAMEO sector codes dyad writes after a country code.
SECTORS = {"GOV", "MIL", "REB", "CRM", "REL", "CVL", "BUS", "LEG", "JUD", "COP", "MED", "EDU",
           "OPP", "UAF", "SPY", "AGR", "LAB", "REF", "ELI", "NGO", "HLH", "ENV", "HRI", "IGO",
           "PTY", "INS", "SEP", "MOD", "RAD", "DEV", "AMN", "IRC", "UIS", "NGM", "IMG"}
MAPPED = {"JRN": "MED", "SOC": "CVL"}
LEFT_OUT = {"JNK", "NON", "UNK", "PRM", "PRE"}

# Nouns too common in other senses to stand for an actor on their own.
TOO_COMMON = {"PERSON", "PEOPLE", "MAN", "MEN", "WOMAN", "WOMEN", "MEMBER", "GROUP", "HEAD",
              "BOSS", "CHIEF", "LEADER", "SOURCE", "OFFICIAL", "STAFF", "TEAM", "PARTY",
              "SIDE", "BODY", "FORCE", "AGENT", "WORKER", "USER", "OWNER", "PLAYER",
              "CAPTAIN", "GENERAL", "MAJOR", "PRIVATE", "SECRETARY", "DIRECTOR", "MANAGER",
              "COUNCIL", "BOARD", "COMMITTEE", "CABINET", "PRESS", "PAPER", "STATION"}


def words_of(phrase):
    """The words of a PETRARCH phrase (joined by '_')."""
    return [w for w in phrase.strip("_").split("_") if w]


def existing_phrases():
    """Every phrase (upper case, as a tuple of words) of the hand-written agents file."""
    seen = set()
    with open(os.path.join(DATA, "agents.txt"), encoding="utf-8") as f:
        subs = {}
        for line in f:
            line = line.split(" #")[0].strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
            if m:
                subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
                continue
            phrase = line.split("[")[0].split("{")[0].strip()
            for expanded in expand(phrase, subs):
                words = words_of(expanded)
                seen.add(tuple(words))
                if words:
                    seen.add(tuple(words[:-1] + [plural_of(words[-1])]))
    return seen


def plural_of(word):
    """The regular plural dyad's reader makes (-Y -> -IES, -S -> -SES, else -S)."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def singulars_of(word):
    """The words whose regular plural `word` may be."""
    out = []
    if word.endswith("IES"):
        out.append(word[:-3] + "Y")
    if word.endswith("SES"):
        out.append(word[:-2])
    if word.endswith("S"):
        out.append(word[:-1])
    return out


def expand(phrase, subs):
    """A phrase with its !NAME! marker replaced by each member of the set."""
    m = re.search(r"!(\w+)!", phrase)
    if not m:
        return [phrase]
    return [phrase[:m.start()] + member + phrase[m.end():] for member in subs.get(m.group(1), [])]


def code_of(raw):
    """The CAMEO sector code for a PLOVER agent code such as ~GOVMIL; None to leave out."""
    parts = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    out = []
    for p in parts:
        if p in LEFT_OUT:
            return None
        p = MAPPED.get(p, p)
        if p not in SECTORS:
            return None
        if p not in out:
            out.append(p)
    return "".join(out) or None


def generate():
    seen = existing_phrases()
    entries = {}
    subs = {}
    with open(SOURCE, encoding="utf-8") as f:
        for line in f:
            line = line.split(" #")[0].strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
            if m:
                subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
                continue
            m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)~?\]\s*$", line)
            if not m:
                continue
            phrase, plural, raw = m.group(1).strip(), m.group(2), m.group(3)
            code = code_of(raw)
            if code is None or not phrase:
                continue
            for expanded in expand(phrase, subs):
                words = words_of(expanded.upper())
                if not words or not all(re.fullmatch(r"[A-Z][A-Z'\-]*", w) for w in words):
                    continue
                if len(words) == 1 and words[0] in TOO_COMMON:
                    continue
                if tuple(words) in seen or any(
                    tuple(words[:-1] + [w]) in seen for w in singulars_of(words[-1])
                ):
                    continue
                key = "_".join(words)
                entries.setdefault(key, (code, plural if "!" not in phrase else None))
    # An explicit plural of an entry kept is made by the reader already.
    for key in list(entries):
        words = key.split("_")
        if any("_".join(words[:-1] + [w]) in entries for w in singulars_of(words[-1])):
            del entries[key]
    return entries


def render(entries):
    lines = [
        "# dyad role nouns, GENERATED by crates/dyad-lexicon/gen/agents.py: do not edit.",
        "# Regenerate: python3 crates/dyad-lexicon/gen/agents.py",
        "#",
        "# The role nouns of the PLOVER agents dictionary that the hand-written agents.txt",
        "# lacks, with the CAMEO sector code each adds to a country (agents.txt says how).",
        "# Facts from the PLOVER agents dictionary of the Open Event Data Alliance (MIT).",
        f"# {len(entries)} entries.",
        "",
    ]
    for key in sorted(entries):
        code, plural = entries[key]
        plural = f" {plural}" if plural else ""
        lines.append(f"{key}{plural} [~{code}]")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    a = ap.parse_args()
    text = render(generate())
    if a.check:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            print(f"{OUT} is out of date; run crates/dyad-lexicon/gen/agents.py", file=sys.stderr)
            sys.exit(1)
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
