#!/usr/bin/env python3
"""Check the built-in lexicon (crates/dyad-lexicon/data/) against the PETRARCH2 formats.

Checks, per file:
  verbs.txt       synonym sets defined before use; block headers, verb lines and
                  patterns well formed; multi-word verbs carry a '+' and a full {...}
                  form list; balanced (...) and {...}; every code a CAMEO code (read
                  from crates/dyad-types/data/cameo.txt) or '---'; no verb form in two
                  blocks; every CAMEO root 01-20 used at least once.
  *.actors.txt    every entry has at least one code; codes are well-formed
                  ([CODE], [CODE YYYYMMDD-YYYYMMDD], [CODE >YYYYMMDD], [CODE <YYYYMMDD]);
                  dates valid and ranges ordered; '+' synonyms only after an entry;
                  no phrase listed twice (within a file, or across actor files with a
                  different code).
  agents.txt      every line 'PHRASE {PLURAL} [~CODE]' or 'PHRASE [CODE~]'; substitution
                  markers defined before use; no phrase twice.
  discards.txt    one phrase a line, optional leading '+'.

Prints counts and problems; exit status 1 when a problem is found.

Usage: python3 eval/check_lexicon_format.py [DATA_DIR] [--cameo FILE]
"""

import argparse
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "crates", "dyad-lexicon", "data")
DEFAULT_CAMEO = os.path.join(ROOT, "crates", "dyad-types", "data", "cameo.txt")

problems = []


def problem(path, lineno, msg):
    problems.append(f"{os.path.basename(path)}:{lineno}: {msg}")


def strip_comment(line):
    """PETRARCH comments: '#' at line start, or ' #' anywhere."""
    if line.lstrip().startswith("#"):
        return ""
    k = line.find(" #")
    if k >= 0:
        line = line[:k]
    k = line.find("\t#")
    if k >= 0:
        line = line[:k]
    return line.rstrip()


def load_cameo(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split()[0])
    return codes


# ----------------------------------------------------------------- verbs


PREPOSITIONS = set(
    "ABOUT ABOVE ACROSS AFTER AGAINST ALONG AMID AMONG AROUND AS AT BEFORE BEHIND BELOW BETWEEN "
    "BEYOND BY DESPITE DOWN DURING FOR FROM IN INSIDE INTO NEAR OF OFF ON ONTO OUT OUTSIDE OVER "
    "PAST SINCE THROUGH THROUGHOUT TO TOWARD TOWARDS UNDER UNTIL UP UPON VIA WITH WITHIN WITHOUT".split()
)


def verb_forms(word):
    """Regular forms as the PETRARCH reader makes them."""
    forms = [word]
    forms.append(word + "ES" if word[-1] in "SXZ" else word + "S")
    if word.endswith("E"):
        forms += [word + "D", word[:-1] + "ING"]
    else:
        forms += [word + "ED", word + "ING"]
    return forms


def check_verbs(path, cameo):
    synsets = set()
    seen_forms = {}
    roots = set()
    nverbs = npatterns = 0
    block = None
    first_verbs = set()
    multi_heads = []
    block_started = False
    in_synset = None
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for i, raw in enumerate(lines, 1):
        line = strip_comment(raw.rstrip("\n"))
        if not line.strip():
            in_synset = None if not raw.strip() else in_synset
            continue
        s = line.strip()
        if s.startswith("&"):
            in_synset = s
            synsets.add(s)
            continue
        if s.startswith("+") and in_synset:
            if not re.fullmatch(r"\+[A-Z0-9'.\-_]+", s):
                problem(path, i, f"bad synset member {s!r}")
            continue
        in_synset = None
        codes = re.findall(r"\[([^\]]*)\]", s)
        for c in codes:
            c = c.strip()
            if c != "---" and c not in cameo:
                problem(path, i, f"unknown CAMEO code [{c}]")
            elif c != "---":
                roots.add(c[:2])
        if s.startswith("---"):
            m = re.fullmatch(r"---\s+(\S+)\s+\[([^\]]+)\]\s+---", s)
            if not m:
                problem(path, i, "bad block header")
            block = m.group(1) if m else "?"
            block_started = True
            continue
        if s.startswith("-"):
            npatterns += 1
            body = s[1:]
            if "*" not in body:
                problem(path, i, "pattern without '*'")
            if not re.search(r"\[[^\]]+\]\s*$", body):
                problem(path, i, "pattern without a final [code]")
            body = re.sub(r"\[[^\]]+\]\s*$", "", body)
            if body.count("(") != body.count(")") or body.count("{") != body.count("}"):
                problem(path, i, "unbalanced brackets")
            depth = 0
            for ch in body:
                depth += ch == "("
                depth -= ch == ")"
                if depth > 1:
                    problem(path, i, "nested (...)")
                    break
            for pp in re.findall(r"\(([^()]*)\)", body):
                first = pp.split()[0] if pp.split() else ""
                if first not in PREPOSITIONS:
                    problem(path, i, f"prepositional phrase ({pp}) does not start with a preposition")
            for tok in re.findall(r"&[A-Z_]+", body):
                if tok not in synsets:
                    problem(path, i, f"synset {tok} used before definition")
            continue
        if block is None:
            problem(path, i, "verb outside a block")
            continue
        # verb line
        nverbs += 1
        m = re.fullmatch(r"(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]+\])?", s)
        if not m:
            problem(path, i, f"bad verb line {s!r}")
            continue
        verb, forms, _ = m.groups()
        if block_started:
            first_verbs.add(verb)
            block_started = False
        if "_" in verb:
            head = re.search(r"\+([A-Z'\-]+)", verb)
            if head:
                multi_heads.append((i, head.group(1)))
            if "+" not in verb:
                problem(path, i, "multi-word verb without '+'")
            if forms is None:
                problem(path, i, "multi-word verb without {forms}")
            allf = [verb] + (forms[1:-1].split() if forms else [])
            for fm in allf:
                if "+" not in fm:
                    problem(path, i, f"form {fm} lacks '+'")
        else:
            if "+" in verb:
                problem(path, i, "'+' on a single-word verb")
            allf = [verb] + forms[1:-1].split() if forms else verb_forms(verb)
        for fm in allf:
            if fm in seen_forms and seen_forms[fm] != block:
                problem(path, i, f"verb form {fm} also in block {seen_forms[fm]}")
            seen_forms[fm] = block
    for i, head in multi_heads:
        if head in first_verbs:
            problem(path, i, f"{head} heads a multi-word verb and is the first verb of a block")
    missing = sorted(f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in roots)
    if missing:
        problem(path, 0, f"CAMEO roots not used: {' '.join(missing)}")
    print(f"{os.path.basename(path)}: {nverbs} verbs, {npatterns} patterns, "
          f"{len(synsets)} synsets, {len(roots)} roots")


# ----------------------------------------------------------------- actors

CODE_RE = re.compile(r"\[([A-Za-z0-9]{3,15}|---)(?:\s+(.*))?\]$")


def valid_date(d):
    try:
        datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8]))
        return len(d) == 8
    except ValueError:
        return False


def check_code(path, i, text):
    m = CODE_RE.fullmatch(text.strip())
    if not m:
        problem(path, i, f"bad code block {text.strip()!r}")
        return None
    code, dates = m.groups()
    if code != "---" and (len(code) % 3 != 0 or not code.isupper()):
        problem(path, i, f"code {code} is not a sequence of 3-letter parts")
    if dates:
        d = dates.strip()
        if re.fullmatch(r"[<>]\d{8}", d):
            if not valid_date(d[1:]):
                problem(path, i, f"bad date {d}")
        elif re.fullmatch(r"\d{8}-\d{8}", d):
            a, b = d.split("-")
            if not (valid_date(a) and valid_date(b)) or a >= b:
                problem(path, i, f"bad date range {d}")
        else:
            problem(path, i, f"bad date restriction {d!r}")
    return code


def check_actors(path, global_phrases):
    entries = 0
    synonyms = 0
    phrases = {}
    current = None  # (lineno, phrases, codes)

    def close():
        if current is not None and not current[2]:
            problem(path, current[0], "entry without a code")

    with open(path, encoding="utf-8") as f:
        for i, raw in enumerate(f, 1):
            line = strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            s = line.strip()
            if s.startswith("["):
                if current is None:
                    problem(path, i, "code before any entry")
                    continue
                code = check_code(path, i, s)
                if code:
                    current[2].append(code)
                continue
            if s.startswith("+"):
                if current is None:
                    problem(path, i, "synonym before any entry")
                    continue
                phrase = s[1:].strip()
                synonyms += 1
            else:
                close()
                code_part = None
                if s.endswith("]") and "[" in s:
                    phrase, code_part = s[: s.index("[")].strip(), s[s.index("["):]
                else:
                    phrase = s
                current = (i, [], [])
                entries += 1
                if code_part:
                    code = check_code(path, i, code_part)
                    if code:
                        current[2].append(code)
            if " " in phrase.strip("_") or not re.fullmatch(r"[A-Z0-9'.\-_&]+", phrase):
                problem(path, i, f"bad phrase {phrase!r} (use underscores, upper case)")
            key = phrase.strip("_")
            if key in phrases:
                problem(path, i, f"phrase {key} already at line {phrases[key]}")
            phrases[key] = i
            current[1].append(key)
            if key in global_phrases and global_phrases[key][0] != path:
                problem(path, i, f"phrase {key} also in {os.path.basename(global_phrases[key][0])}")
            global_phrases[key] = (path, i)
    close()
    print(f"{os.path.basename(path)}: {entries} entries, {synonyms} synonyms")


# ----------------------------------------------------------------- agents


def check_agents(path):
    markers = set()
    phrases = {}
    n = 0
    with open(path, encoding="utf-8") as f:
        for i, raw in enumerate(f, 1):
            line = strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            s = line.strip()
            m = re.fullmatch(r"!([A-Z]+)!\s*=\s*(.+)", s)
            if m:
                markers.add(m.group(1))
                continue
            m = re.fullmatch(r"([A-Z0-9!'\-_.]+)\s*(\{[A-Z0-9'\-_. ]*\})?\s*\[([^\]]+)\]", s)
            if not m:
                problem(path, i, f"bad agent line {s!r}")
                continue
            phrase, plural, code = m.groups()
            code = code.strip()
            if not re.fullmatch(r"~[A-Z]{3}([A-Z]{3})*|[A-Z]{3}([A-Z]{3})*~", code):
                problem(path, i, f"bad agent code {code!r}")
            if phrase.count("!") > 2:
                problem(path, i, "more than one substitution marker")
            if "!" in phrase and plural is not None:
                problem(path, i, "{...} on a line with a substitution marker")
            for mk in re.findall(r"!([A-Z]+)!", phrase):
                if mk not in markers:
                    problem(path, i, f"marker !{mk}! not defined")
            if phrase in phrases:
                problem(path, i, f"agent {phrase} already at line {phrases[phrase]}")
            phrases[phrase] = i
            n += 1
    print(f"{os.path.basename(path)}: {n} agent entries")


def check_discards(path):
    n = 0
    with open(path, encoding="utf-8") as f:
        for i, raw in enumerate(f, 1):
            line = strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            s = line.strip()
            if not re.fullmatch(r"\+?[A-Za-z0-9'&.\- ]+_?", s):
                problem(path, i, f"bad discard phrase {s!r}")
            n += 1
    print(f"{os.path.basename(path)}: {n} discard phrases")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--cameo", default=DEFAULT_CAMEO)
    args = ap.parse_args()
    cameo = load_cameo(args.cameo)
    d = args.data_dir
    files = sorted(os.listdir(d))
    global_phrases = {}
    for name in files:
        path = os.path.join(d, name)
        if name == "verbs.txt":
            check_verbs(path, cameo)
        elif name.endswith(".actors.txt"):
            check_actors(path, global_phrases)
        elif name == "agents.txt":
            check_agents(path)
        elif name == "discards.txt":
            check_discards(path)
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
