#!/usr/bin/env python3
"""Generate dyad's lexicon of office-holders: crates/dyad-lexicon/data/people.actors.txt.

The file lists people who held a national office, with their name variants and
CAMEO actor codes restricted to the dates of office (PETRARCH2 actor format, as
described in data/README.md). It is built from openly licensed facts only --
names, offices and dates -- and from nothing else in the sources:

  * Wikidata "position held" statements, 2000-2022, via every-politician-scrapers
    (/work/shared/data/leaders/wikidata/ministers.csv and positions.csv; CC0);
  * the CIA World Factbook's heads of state and government, 2014-2026, via
    factbook/factbook.json (leaders/factbook/factbook_executive_spells_2014_2026.csv;
    public domain / CC0);
  * the people of the Phoenix country dictionary of the Open Event Data Alliance
    (petrarch/phoenix/Phoenix.Countries.actors.txt; MIT): only their names, codes
    and dates.

Stop lists for bare surnames come from data as well: English words from the UD
English Web Treebank, given names from the people read here, place names from
the Factbook, Unicode CLDR and `countrynames`, and every name of the other actor
files of data/ (hand-written or generated), whose people and names always win.

Usage (from the repository root; no network needed):

    python3 crates/dyad-lexicon/gen/people.py            # writes the file
    python3 crates/dyad-lexicon/gen/people.py --check    # only says whether it is up to date

The rules are stated in the header written into the generated file
(see HEADER below) and in the docstrings of the functions that apply them.
"""

from __future__ import annotations

import argparse
import calendar
import collections
import csv
import datetime
import glob
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
DATA_DIR = os.path.join(CRATE, "data")
OUT_FILE = os.path.join(DATA_DIR, "people.actors.txt")
SHARED = "/work/shared/data"
LEADERS = os.path.join(SHARED, "leaders")
PHOENIX = os.path.join(SHARED, "petrarch", "phoenix", "Phoenix.Countries.actors.txt")
UD_EWT = os.path.join(SHARED, "ud-ewt")

OPEN = datetime.date.max  # end of a spell that has not ended (or whose end is not known)

# ----------------------------------------------------------------------------- ranks

# Office rank: used to order precedence when two people share a name and to decide
# who is "prominent" (may get a bare-surname synonym).
RANK_HEAD = 4  # head of state or government
RANK_FOREIGN_DEFENCE = 3  # foreign or defence minister
RANK_INTERIOR = 2
RANK_OTHER = 1  # other ministers, officials, deputies, Phoenix cabinet members

WIKIDATA_RANK = {
    "head_of_state": RANK_HEAD,
    "head_of_government": RANK_HEAD,
    "foreign": RANK_FOREIGN_DEFENCE,
    "defence": RANK_FOREIGN_DEFENCE,
    "interior": RANK_INTERIOR,
    "other_minister": RANK_OTHER,
    "other_official": RANK_OTHER,
}
PROMINENT_RANK = RANK_FOREIGN_DEFENCE

# CAMEO actor types (CAMEO codebook, actor-type table): the three-letter parts of a
# code that are roles, not places.
CAMEO_TYPES = set(
    "AGR BUS CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB LEG MED MIL MNC "
    "NGM NGO OPP PTY REB REF REL RAD SEP SPY UAF COP MOD CHR CTH JEW MOS SHI SUN BUD "
    "HIN ITH JAN SIK ZRO DOX PRO ALE CON".split()
)
# Phoenix country codes that differ from the ISO 3166-1 codes our files use.
OLD_CODES = {"TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "MTN": "MNE", "IMY": "IMN", "BUR": "MMR"}
# GeoNames (used by the Factbook table) and Wikidata write Kosovo XKX; CAMEO and our
# files write KSV.
ISO_FIXES = {"XKX": "KSV"}

# ----------------------------------------------------------------------------- small word lists

# Words that join the parts of a name and never stand alone.
PARTICLES = set(
    "AL EL AD AS ASH AT AZ UL BIN BEN IBN BINT BENT ABU UMM DE DA DI DO DOS DAS DEL DELA "
    "DELLA LA LE LO VAN VON DER DEN TER TEN Y E I DU ST. SAN SANTA".split()
)
# Honorifics that may precede a name; a variant without them is made.
HONORIFICS = {"SIR", "DAME", "DR", "DR.", "LORD", "SHEIKH", "SHAIKH", "CARDINAL"}
# Words after a comma in a Wikidata label or Factbook name that are not part of it.
SUFFIXES = {"JR", "JR.", "SR", "SR.", "JNR", "SNR", "II", "III", "IV"}
# Title and context words besides agents.txt that mark a Phoenix synonym as a
# description ("FORMER_SOVIET_LEADER_X") rather than a name.
EXTRA_TITLE_WORDS = set(
    "ACTING EX FORMER SOVIET COMMUNIST ADMINISTRATION CHAIRMAN CHAIRWOMAN COALITION FRONT "
    "MOVEMENT COMMITTEE AYATOLLAH HOJATOLISLAM MULLAH MAWLAWI GEN. GEN COL. COL LT. MAJ. "
    "CAPT. PRES. SEN. REP. GOV. MR MR. MRS MRS. MS MS. THE AND REGIME FAMILY COMMODORE COLONEL "
    "MAJOR CAPTAIN ADMIRAL MARSHAL BRIGADIER LIEUTENANT LT SERGEANT FIELD AIR VICE-ADMIRAL "
    "REAR-ADMIRAL BRIG. MAJ CAPT GENERAL-MAJOR LIEUTENANT-GENERAL MAJOR-GENERAL".split()
)
# Countries whose names are written family name first (in Wikidata labels too).
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM"}
# Where names are romanised from Russian, Ukrainian or Belarusian Cyrillic in several
# ways (-iy/-y/-i, -ey/-ei, Ye-/E-, ks/x, patronymics).
CYRILLIC_COUNTRIES = set("RUS UKR BLR KAZ KGZ TJK UZB TKM".split())
# Where a Wikidata label of three words or more may end in the maternal surname
# (Luis Videgaray Caso): the last word is not taken as the surname.
SPANISH_NAMING = set(
    "ESP MEX GTM HND SLV NIC CRI PAN CUB DOM COL VEN ECU PER BOL CHL ARG URY PRY GNQ PRI".split()
)
# Where the rules for Arabic (and Persian/Urdu) names apply.
ARABIC_COUNTRIES = set(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE "
    "YEM IRN AFG PAK TCD".split()
)
# Where German umlauts are also written ae/oe/ue.
GERMAN_COUNTRIES = {"DEU", "AUT", "CHE", "LIE", "LUX"}
MAX_VARIANTS = 10  # per written form of a name
PATRONYMIC = re.compile(r"(OVICH|EVICH|OVNA|EVNA|YICH|ICH|IVNA)$")


# ----------------------------------------------------------------------------- text


SPECIAL_LETTERS = {
    "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe",
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th",
    "ı": "i", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʿ": "'",
    "ʾ": "'", "–": "-", "‐": "-", "‑": "-", "—": "-", "\u00a0": " ",
}
CYRILLIC = dict(
    zip(
        "абвгдезийклмнопрстуфхцчшыэюяёжщъьіїєґўјљњћђџѓќѕ",
        "a b v g d e z i y k l m n o p r s t u f kh ts ch sh y e yu ya yo zh shch _ _ i yi ye g u "
        "j lj nj c dj dz gj kj dz".split(),
    )
)


def transliterate_cyrillic(text: str) -> str:
    """Writes Cyrillic letters in Latin ones (a plain BGN/PCGN-like table)."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in CYRILLIC:
            latin = CYRILLIC[low].replace("_", "")
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str, german: bool = False) -> str:
    """Removes diacritics (Erdoğan -> Erdogan); with `german`, umlauts become ae/oe/ue."""
    if german:
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            text = text.replace(a, b)
    text = "".join(SPECIAL_LETTERS.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def is_latin(text: str) -> bool:
    """True when every letter of `text` folds to A-Z."""
    return all(c.isascii() for c in fold(text) if c.isalpha())


def words_of(text: str) -> tuple[str, ...]:
    """Upper-case words of a folded name, keeping only the characters names may have."""
    out = []
    for token in text.upper().split():
        token = re.sub(r"[^A-Z0-9'.\-]", "", token).strip("-'")
        if token.startswith("."):
            token = token.lstrip(".")
        if any(c.isalpha() for c in token):
            out.append(token)
    return tuple(out)


def letters(words) -> int:
    """Number of letters in a name."""
    return sum(c.isalpha() for w in words for c in w)


def is_initial(word: str) -> bool:
    """`F.` or `F`: a single-letter initial."""
    return len(word.rstrip(".")) == 1


def valid_full_name(words: tuple[str, ...]) -> bool:
    """A full name: two words or more (a hyphen counts), at least two of them real
    name words (not particles or initials), and at least five letters."""
    parts = [p for w in words for p in w.split("-") if p]
    real = [p for p in parts if p not in PARTICLES and not is_initial(p)]
    return len(parts) >= 2 and len(real) >= 2 and letters(words) >= 5


def canon_word(word: str) -> str:
    """A spelling-insensitive key of one word, for matching people across sources
    (never written out): transliteration variants collapse to one form."""
    w = re.sub(r"[^A-Z0-9]", "", word)
    if re.fullmatch(r"M[OU]HA?M+[AE]D", w):
        return "MUHAMMAD"
    w = w.replace("KS", "X").replace("OU", "U").replace("EE", "I")
    w = re.sub(r"^YE", "E", w)
    w = re.sub(r"EY$", "EI", w)
    w = re.sub(r"(IY|YY|Y)$", "I", w)
    w = re.sub(r"(.)\1", r"\1", w)
    w = w.replace("AHMED", "AHMAD")
    return w


def canon(words) -> str:
    """Spelling-insensitive key of a name: canonical words without separators."""
    return "".join(canon_word(w) for w in words)


# ----------------------------------------------------------------------------- dates


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_iso(text: str, end: bool) -> datetime.date | None:
    """Reads YYYY, YYYY-MM or YYYY-MM-DD. A start given as a year or month is its first
    day, an end its last day (the spell is taken at its widest)."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return datetime.date(y, 12, 31) if end else datetime.date(y, 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            return month_end(y, m) if end else datetime.date(y, m, 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date(*map(int, text.split("-")))
    except ValueError:
        return None
    return None


MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})


def parse_since(text: str) -> datetime.date | None:
    """Reads the Factbook's "since" text: `4 December 1990`, `September 2011` (first day),
    `2016` (first day)."""
    text = text.strip().rstrip(".")
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+)\.? (\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        try:
            return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = re.fullmatch(r"([A-Za-z]+)\.? (\d{4})", text)
    if m and m.group(1).lower() in MONTHS:
        return datetime.date(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
    if re.fullmatch(r"\d{4}", text):
        return datetime.date(int(text), 1, 1)
    return None


def parse_phoenix_date(text: str) -> datetime.date | None:
    """Reads a Phoenix date, YYMMDD (00-30 = 20YY, as the Rust reader) or YYYYMMDD."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{6}", text):
            yy = int(text[:2])
            return datetime.date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
        if re.fullmatch(r"\d{8}", text):
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return None


def ymd(d: datetime.date) -> str:
    """YYYYMMDD."""
    return d.strftime("%Y%m%d")


# ----------------------------------------------------------------------------- records


@dataclass
class Spell:
    """A code held from `start` to `end` (both included; None start = not known,
    OPEN end = not ended)."""

    code: str
    start: datetime.date | None
    end: datetime.date
    rank: int
    modern: bool  # Wikidata or Factbook (True), Phoenix (False)
    horizon: bool = False  # a Phoenix open range closed at the Phoenix horizon

    def days(self) -> int:
        """Length in days (an open spell counts to the end of 2026)."""
        end = min(self.end, datetime.date(2026, 12, 31))
        start = self.start or datetime.date(1900, 1, 1)
        return max((end - start).days + 1, 0)


@dataclass
class Record:
    """One person as one source knows them."""

    source: str  # "wikidata", "factbook" or "phoenix"
    ident: str
    names: list[tuple[str, ...]]  # written forms, best first (upper-case words)
    spells: list[Spell]
    surnames: list[tuple[str, ...]] = field(default_factory=list)  # bare-surname candidates
    default: str | None = None  # an undated code the source gives (Phoenix)
    prominent: bool = False
    extra_keys: set = field(default_factory=set)  # more (country, key) pairs for merging

    def countries(self) -> set[str]:
        """Countries of the record's codes."""
        return {code_country(s.code) for s in self.spells}


def code_country(code: str) -> str:
    """The place part of a code: its first three letters (IGO codes: `IGO`)."""
    return code[:3]


# ----------------------------------------------------------------------------- our own files


@dataclass
class ActorFile:
    """The names and codes of the hand-written actor files."""

    phrases: dict[str, str]  # phrase (words joined by '_') -> "file:line"
    words: set[str]  # every word of every phrase
    entries: list[tuple[list[tuple[str, ...]], list[str]]]  # (names, codes)


def read_actor_file(path: str, sink: ActorFile) -> None:
    """Reads an actor file in the PETRARCH2 format into `sink` (names, codes)."""
    current = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.lstrip().startswith("#"):
                continue
            line = line.split(" #")[0].split("\t#")[0]
            text = line.strip()
            if not text:
                continue
            codes = [c.split()[0] for c in re.findall(r"\[([^\]]*)\]", text) if c.split()]
            name = text.split("[")[0].strip()
            if not name:
                if current is not None:
                    current[1].extend(codes)
                continue
            synonym = name.startswith("+")
            words = tuple(w for w in name.lstrip("+").upper().split("_") if w)
            if not words:
                continue
            key = "_".join(words)
            sink.phrases.setdefault(key, f"{os.path.basename(path)}:{lineno}")
            sink.words.update(words)
            if synonym and current is not None:
                current[0].append(words)
                current[1].extend(codes)
            elif current is not None and not current[1]:
                current[0].append(words)
                current[1].extend(codes)
            else:
                current = ([words], list(codes))
                sink.entries.append(current)


def other_actor_files() -> list[str]:
    """Every other actor file of data/: the hand-written ones (countries, international,
    nonstate) and any other generated one (country-names); they win over this file."""
    own = os.path.basename(OUT_FILE)
    return sorted(
        os.path.join(DATA_DIR, n) for n in os.listdir(DATA_DIR)
        if n.endswith(".actors.txt") and n != own
    )


def read_hand_written() -> ActorFile:
    """The names and codes of the other actor files of data/ (`other_actor_files`)."""
    sink = ActorFile({}, set(), [])
    for path in other_actor_files():
        read_actor_file(path, sink)
    return sink


def read_agent_words() -> set[str]:
    """Words of the role nouns in data/agents.txt (PRESIDENT, MINISTER, ...)."""
    out = set()
    with open(os.path.join(DATA_DIR, "agents.txt"), encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#")[0].strip()
            if not line or line.startswith("!"):
                continue
            phrase = line.split()[0]
            out.update(w for w in re.split(r"[_!]", phrase) if w)
    return out


# ----------------------------------------------------------------------------- stop lists


def english_words() -> set[str]:
    """Common English words: lower-case forms and lemmas seen at least twice in the
    UD English Web Treebank (upper-cased)."""
    counts = collections.Counter()
    for path in glob.glob(os.path.join(UD_EWT, "*.conllu")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 4 or not cols[0].isdigit():
                    continue
                form, lemma = cols[1], cols[2]
                if form.isalpha() and form.islower():
                    counts[form] += 1
                    if lemma.isalpha() and lemma.islower() and lemma != form:
                        counts[lemma] += 1
    return {w.upper() for w, n in counts.items() if n >= 2}


def place_names(countries_rows: list[dict]) -> set[str]:
    """Country, territory and capital names (folded, words joined by '_') from the
    Factbook, Unicode CLDR and `countrynames` (every language)."""
    names: list[str] = []
    for row in countries_rows:
        for col in ("conventional_long", "conventional_short", "local_long", "local_short",
                    "former", "abbreviation", "capital"):
            for piece in re.split(r"[;,()]", row.get(col) or ""):
                names.append(piece)
    with open(os.path.join(LEADERS, "country-names", "cldr_territories_en.json"), encoding="utf-8") as f:
        cldr = json.load(f)["main"]["en"]["localeDisplayNames"]["territories"]
    names.extend(cldr.values())
    with open(os.path.join(LEADERS, "country-names", "countrynames_data.yaml"), encoding="utf-8") as f:
        variants = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for values in variants.values():
        names.extend(str(v) for v in values or [])
    out = set()
    for name in names:
        words = words_of(fold(name))
        if words:
            out.add("_".join(words))
    return out


# ----------------------------------------------------------------------------- name variants


def word_alternates(word: str, country: str) -> set[str]:
    """Other common romanisations of one word of a name, by general rules:
    Muhammad/Mohammed/Mohamed..., Ahmed/Ahmad, Hussein/Hussain; for Cyrillic-script
    countries -iy/-y/-i, -ey/-ei, Ye-/E-, ks/x, -iya/-ia, -yev/-ev; for Arabic-script
    countries ou/u, al-/el-/no article, Abdul/Abdel."""
    out: set[str] = set()
    if re.fullmatch(r"M[OU]HA?M+[AE]D", word):
        out |= {"MUHAMMAD", "MOHAMMED", "MOHAMMAD", "MOHAMED", "MUHAMMED"}
    if word in ("AHMED", "AHMAD"):
        out |= {"AHMED", "AHMAD"}
    if re.fullmatch(r"H[OU]S+[AE]IN", word):
        out |= {"HUSSEIN", "HUSSAIN", "HOSSEIN"}
    if country in CYRILLIC_COUNTRIES and len(word) >= 4 and "-" not in word:
        if word.endswith(("IY", "YY")):
            stem = word[:-2]
            out |= {stem + "Y", stem + "I", stem + "IY"}
        elif re.search(r"[^AEIOUY]Y$", word):
            out |= {word[:-1] + "I", word[:-1] + "IY"}
        elif re.search(r"[^AEIOUY]I$", word):
            out |= {word[:-1] + "Y"}
        if word.endswith("EY"):
            out.add(word[:-2] + "EI")
        elif word.endswith("EI"):
            out.add(word[:-2] + "EY")
        if word.startswith("YE"):
            out.add(word[1:])
        if "KS" in word:
            out.add(word.replace("KS", "X"))
        if word.endswith("IYA"):
            out.add(word[:-3] + "IA")
        if word.endswith("YEV"):
            out.add(word[:-3] + "EV")
    if country in ARABIC_COUNTRIES:
        if "OU" in word:
            out.add(word.replace("OU", "U"))
        m = re.fullmatch(r"(AL|EL)-([A-Z']{3,})", word)
        if m:
            out |= {"AL-" + m.group(2), "EL-" + m.group(2)}
        if word in ("ABDUL", "ABDEL", "ABDOUL"):
            out |= {"ABDUL", "ABDEL"}
        if word in ("ABDULLAH", "ABDALLAH", "ABDULLA"):
            out |= {"ABDULLAH", "ABDALLAH"}
    out.discard(word)
    return out


def name_variants(base: tuple[str, ...], country: str) -> list[tuple[str, ...]]:
    """The written form and its variants: one word respelled at a time by
    `word_alternates`; an Arabic article dropped (al-Assad -> Assad); without an
    honorific (Sir, Dr.), initials or a patronymic (-ovich/-evna); and each of these
    with hyphens as spaces (Korean names also joined: Jae-in -> Jaein) and without
    apostrophes. At most MAX_VARIANTS, the written form first."""
    forms = [base]
    for i, word in enumerate(base):
        for alt in sorted(word_alternates(word, country)):
            forms.append(base[:i] + (alt,) + base[i + 1:])
        if country in ARABIC_COUNTRIES and i > 0:
            m = re.fullmatch(r"(AL|EL)-([A-Z']{3,})", word)
            if m:
                forms.append(base[:i] + (m.group(2),) + base[i + 1:])
    if base[0] in HONORIFICS:
        forms.append(base[1:])
    no_initials = tuple(w for w in base if not is_initial(w))
    forms.append(no_initials)
    if country in CYRILLIC_COUNTRIES and len(base) >= 3:
        middle = tuple(w for w in base[1:-1] if not PATRONYMIC.search(w))
        forms.append((base[0],) + middle + (base[-1],))
    out: list[tuple[str, ...]] = []
    seen = set()

    def add(words):
        """Keeps a new, valid form."""
        words = tuple(w for w in words if w)
        if words not in seen and valid_full_name(words):
            seen.add(words)
            out.append(words)

    for form in forms:
        add(form)
        spaced = tuple(p for w in form for p in w.split("-") if p)
        add(spaced)
        if country in ("KOR", "PRK"):
            add(tuple(w.replace("-", "") for w in form))
        if any("'" in w for w in form):
            add(tuple(w.replace("'", "") for w in spaced))
    return out[:MAX_VARIANTS]


# ----------------------------------------------------------------------------- Wikidata


def office_code(country: str, kind: str, title: str) -> str:
    """The code of a Wikidata position: country + GOV for heads of state and government,
    ministers and officials; by the title, MIL for chiefs of (general/defence) staff and
    commanders, LEG for speakers and presidents of a legislature, JUD for judges,
    prosecutors and attorneys/solicitors-general, COP for police chiefs and SPY for heads
    of intelligence and state-security services. Titles naming a minister or secretary
    (and the head-of-state/government, foreign, defence and interior posts) stay GOV."""
    t = title.lower()
    if kind in ("head_of_state", "head_of_government", "foreign", "defence", "interior"):
        return country + "GOV"
    if re.search(r"\b(minister|ministry|minster|minsiter|secretary)\b", t):
        return country + "GOV"
    if re.search(r"intelligence|security service|state security|federal security service|"
                 r"national security committee|committee for national security|signals directorate|"
                 r"information and security service", t):
        return country + "SPY"
    if re.search(r"\bpolice\b|gendarmerie", t):
        return country + "COP"
    if re.search(r"chief justice|supreme court|supreme people's court|constitutional (court|council)|"
                 r"attorney[- ]general|solicitor[- ]general|prosecutor|public prosecutions|"
                 r"chancellor of justice|\bjudge\b|justice of the", t):
        return country + "JUD"
    if re.search(r"\bspeaker\b|ceann comhairle|cathaoirleach|marshal of the (sejm|senate)|"
                 r"^(first |second |third )?(president|chair|chairman|chairperson) of the "
                 r"(senate|spanish senate|federal senate|national assembly|chamber|parliament|"
                 r"moldovan parliament|congress|legislative|national council|council of states|"
                 r"house of|national people's assembly|people's national assembly|assembly|"
                 r"storting|riigikogu|consultative assembly|council of the nation|dewan|"
                 r"verkhovna rada|state duma|federation council|supreme council|"
                 r"council of the national assembly|national legislature|legislative yuan)", t):
        return country + "LEG"
    if re.search(r"general staff|defen[cs]e staff|joint staff|joint chiefs|chiefs of staff|"
                 r"chief of defen[cs]e|chief of (the )?(army|navy|naval|air|armed|royal .* army|"
                 r"national defen[cs]e)|chief of staff of the (army|navy|air force|armed forces|"
                 r"defen[cs]e forces|people's)|\bcommander\b|commander-in-chief|"
                 r"head of the armed forces|chief of (army|naval|air) staff", t):
        return country + "MIL"
    return country + "GOV"


def read_wikidata() -> list[Record]:
    """One record per Wikidata person (person_qid), with one spell per statement.
    An empty end is an open spell. Statements whose dates cannot be read, that end
    before they start or that last a single day are left out."""
    kinds = {}
    with open(os.path.join(LEADERS, "wikidata", "positions.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            kinds[(row["iso3"], row["position_label"])] = row["kind"]
    people: dict[str, Record] = {}
    with open(os.path.join(LEADERS, "wikidata", "ministers.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            country = ISO_FIXES.get(row["iso3"], row["iso3"])
            kind = kinds.get((country, row["position_label"]), "other_official")
            start = parse_iso(row["start"], end=False)
            end = parse_iso(row["end"], end=True) if row["end"].strip() else OPEN
            if start is None or end is None or end <= start:
                continue
            rank = WIKIDATA_RANK[kind]
            spell = Spell(office_code(country, kind, row["position_label"]), start, end, rank, True)
            qid = row["person_qid"]
            if qid not in people:
                people[qid] = Record("wikidata", qid, wikidata_names(row["person_label"], country), [])
            rec = people[qid]
            rec.spells.append(spell)
            rec.prominent |= rank >= PROMINENT_RANK
    for rec in people.values():
        rec.surnames = [wikidata_surname(n, home_country(rec)) for n in rec.names[:1] if n]
        rec.surnames = [s for s in rec.surnames if s]
    return [r for r in people.values() if r.names]


def wikidata_names(label: str, country: str) -> list[tuple[str, ...]]:
    """Written forms of a Wikidata English label: Cyrillic labels transliterated (and
    "Surname, Given" reordered); "X, Baron Y" and ", Jr." cut; "(nickname)" dropped;
    "Felipe VI of Spain" -> "Felipe VI". Labels in other scripts give no name."""
    label = label.strip()
    if re.search(r"[\u0400-\u04FF]", label):
        label = transliterate_cyrillic(label)
        if "," in label:
            surname, given = label.split(",", 1)
            label = f"{given.strip()} {surname.strip()}"
    if not is_latin(label):
        return []
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.sub(r"\"[^\"]*\"", " ", label)
    label = label.split(",")[0]
    m = re.fullmatch(r"(.+?) of [A-Z].*", label)
    if m:
        label = m.group(1)
    words = words_of(fold(label, german=country in GERMAN_COUNTRIES))
    words = tuple(w for w in words if w not in SUFFIXES or w in ("II", "III", "IV"))
    names = [words] if valid_full_name(words) else []
    if country in GERMAN_COUNTRIES:
        plain = words_of(fold(label))
        if plain != words and valid_full_name(plain):
            names.append(plain)
    return names


def wikidata_surname(words: tuple[str, ...], country: str) -> tuple[str, ...] | None:
    """The bare surname a Wikidata label suggests: its last word (the first one in
    countries that write the family name first); none when that word is a regnal
    number or an initial, or for a label of three words or more in a country of
    Spanish naming (the last word may be the maternal surname)."""
    if country in SPANISH_NAMING and len(words) >= 3:
        return None
    word = words[0] if country in FAMILY_NAME_FIRST else words[-1]
    if word in SUFFIXES or is_initial(word) or re.fullmatch(r"[IVX]+", word):
        return None
    return (word,)


def home_country(rec) -> str:
    """The country a person belongs to: that of the most recent spell (ties: the one
    with the most days in office, then the alphabetically first)."""
    days = collections.Counter()
    latest: dict[str, datetime.date] = {}
    for s in rec.spells:
        c = code_country(s.code)
        days[c] += s.days()
        start = s.start or datetime.date(1, 1, 1)
        latest[c] = max(latest.get(c, start), start)
    if not days:
        return ""
    return min(days, key=lambda c: (-latest[c].toordinal(), -days[c], c))


# ----------------------------------------------------------------------------- Factbook


def factbook_tokens(text: str) -> list[str]:
    """Tokens of a Factbook name (diacritics kept, so that capitals can be seen)."""
    return [t for t in re.split(r"\s+", text.strip()) if t]


def is_caps(token: str) -> bool:
    """A word the Factbook writes in capitals (the name a person is known by)."""
    token = re.sub(r"^(al|el|ad|as|ash|at|az|d'|de|da)-?", "", token) if token[:1].islower() else token
    core = re.sub(r"[^\w]", "", token)
    core = re.sub(r"\d", "", core)
    return len(core) >= 2 and core == core.upper() and any(c.isalpha() for c in core)


def clean_factbook_person(text: str, title_words: set[str]) -> list[str] | None:
    """The tokens of one person's name in a Factbook entry: leading titles and context
    ("Co-prince", "New Zealand High Commissioner") and trailing remarks ("elected
    chancellor") removed. None when no word is in capitals."""
    tokens = factbook_tokens(text)
    # Leading words: drop every word before the last run of non-name words that
    # precedes the first capitals word, when those words are titles or context.
    first_caps = next((i for i, t in enumerate(tokens) if is_caps(t)), None)
    if first_caps is None:
        return None
    start = 0
    for i in range(first_caps):
        if fold(tokens[i]).strip(".,-").upper() in title_words or tokens[i][:1].islower():
            start = i + 1
    # A given name may precede the capitals: keep capitalised words just before them
    # that are not titles.
    tokens = tokens[start:]
    # Trailing remarks start at the first lower-case word that is not a particle
    # followed by a capitalised word.
    end = len(tokens)
    for i, t in enumerate(tokens):
        if t[:1].islower():
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if fold(t).upper().rstrip("-") in PARTICLES or t.lower().startswith(("al-", "el-", "bin", "de")):
                if nxt[:1].isupper() or t.lower().startswith(("al-", "el-")):
                    continue
            end = i
            break
    tokens = tokens[:end]
    trailing = title_words | SUFFIXES
    while tokens and fold(tokens[-1]).strip(".,").upper() in trailing and not is_caps(tokens[-1]):
        tokens.pop()
    if not any(is_caps(t) for t in tokens):
        return None
    return tokens


def split_factbook_people(name: str) -> list[list[str]]:
    """Several people in one Factbook field ("A, B, and C", "A and Captain Regent B");
    descriptions after a comma (", Dr.", ", son of the monarch") have no capitals
    word and are dropped."""
    name = re.sub(r"\[[^\]]*\]", " ", name)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", name)
    return [p for p in parts if any(is_caps(t) for t in factbook_tokens(p))]


def factbook_forms(
    tokens: list[str], country: str
) -> tuple[list[tuple[str, ...]], tuple[str, ...] | None]:
    """Written forms of a Factbook name, and its surname. Quoted nicknames
    (Voreqe "Frank" BAINIMARAMA) give "Frank Bainimarama". When the capitals follow
    the given names, the capitals are the surname and "first given + surname" and
    "given names + surname" (without a trailing maternal name) are forms too; when
    they come first, they are the name the person is known by (KIM Jong Un,
    MUHAMMAD BIN RASHID Al-Maktum) and stand alone only if two words or more."""
    german = country in GERMAN_COUNTRIES
    nick = [t.strip('"“”') for t in tokens if t.startswith(('"', "“"))]
    tokens = [t for t in tokens if not t.startswith(('"', "“"))]
    caps = [i for i, t in enumerate(tokens) if is_caps(t)]
    if not caps:
        return [], None
    first, last = caps[0], caps[0]
    while last + 1 < len(tokens) and is_caps(tokens[last + 1]):
        last += 1
    w = lambda toks: words_of(fold(" ".join(toks), german=german))  # noqa: E731
    forms = [w(tokens)]
    surname = None
    if first > 0:
        given = tokens[:first]
        surname_toks = tokens[first:last + 1]
        # particles written in lower case just before the capitals belong to the surname
        j = first
        while j > 1 and fold(tokens[j - 1]).upper() in PARTICLES:
            j -= 1
        lead = tokens[j:first]
        given = tokens[:j]
        forms.append(w(given + lead + surname_toks))
        forms.append(w(given[:1] + lead + surname_toks))
        for n in nick:
            forms.append(w([n] + lead + surname_toks))
        surname = w(surname_toks)
    else:
        known = tokens[: last + 1]
        if len(known) >= 2:
            forms.append(w(known))
        if country in FAMILY_NAME_FIRST and last == 0:
            surname = w(tokens[:1])
    if german:
        plain = words_of(fold(" ".join(tokens)))
        forms.append(plain)
    out = []
    for f in forms:
        if f and valid_full_name(f) and f not in out:
            out.append(f)
    return out, surname


FACTBOOK_PRINCIPAL = re.compile(
    r"^(president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|"
    r"supreme leader|taoiseach|grand duke|prince|emperor|chairman|chairperson|"
    r"head of state|head of government|sultan and prime minister|king and prime minister|"
    r"crown prince and prime minister|interim president|interim prime minister|"
    r"acting president|acting prime minister|transition prime minister|"
    r"caretaker prime minister|president of the government|state counselor)$"
)


def read_factbook(title_words: set[str]) -> list[Record]:
    """One record per (country, name) of the Factbook's executive spells 2014-2026.

    Rows that are notes or name an heir apparent are left out, and so are monarchs
    in a country where the Factbook names a representative (governor-general,
    high commissioner) for them: the monarch's own country lists them too. Start =
    the "since" date (else the first snapshot seen); end = open if in office at the
    last snapshot, else the day before a successor's "since" date in the same post
    (no later than the day before the first snapshot without them), else the last
    snapshot that showed them. Prominent: principal titles (president, prime
    minister, king, ...), not deputies, vice-presidents or representatives."""
    with open(os.path.join(LEADERS, "factbook", "factbook_snapshot_dates.txt"), encoding="utf-8") as f:
        snapshots = sorted({parse_iso(line.strip(), False) for line in f if line.strip()} - {None})
    with open(os.path.join(LEADERS, "factbook", "factbook_executive_spells_2014_2026.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    represented = {r["gec"] for r in rows if "represented by" in (r["title"] + " " + r["name"]).lower()}
    people: list[tuple[str, str, list[str], datetime.date, datetime.date, dict]] = []
    for row in rows:
        country = ISO_FIXES.get(row["iso3_via_geonames_fips"], row["iso3_via_geonames_fips"])
        title = row["title"].strip()
        if not country or title.lower() in ("note",) or "heir" in title.lower():
            continue
        if row["gec"] in represented and re.match(r"(king|queen)\b", (title or row["name"]).lower()):
            continue
        raw = row["name"]
        if re.search(r"\b(co-?prince|lord of mann)\b", raw, re.I):
            continue
        alias = None
        m = re.search(r",?\s+(?:also spelled|aka|-\s+formerly)\s+(.*)$", raw)
        if m:
            alias, raw = m.group(1), raw[: m.start()]
        first_seen = parse_iso(row["first_seen"], False)
        last_seen = parse_iso(row["last_seen"], False)
        start = parse_since(row["since"]) or first_seen
        if start is None or last_seen is None:
            continue
        for part in split_factbook_people(raw):
            tokens = clean_factbook_person(part, title_words)
            if not tokens:
                continue
            aliases = []
            if alias:
                alias_tokens = clean_factbook_person(alias, title_words)
                if alias_tokens:
                    aliases.append(alias_tokens)
                alias = None  # the alias belongs to the first person only
            people.append((country, title, [tokens] + aliases, start, last_seen, row))
    # successors: same country, role and (normalised) title
    def post(country, title, row):
        """The post a row is about: country, role and title without "acting" etc."""
        t = re.sub(r"^(acting|interim|caretaker|transition|transitional|temporary)\s+", "", title.lower())
        return (country, row["role"], t.rstrip("s"))

    starts_by_post = collections.defaultdict(list)
    for country, title, names, start, last_seen, row in people:
        starts_by_post[post(country, title, row)].append((start, fold(" ".join(names[0])).upper()))
    records: dict[tuple[str, str], Record] = {}
    for country, title, names, start, last_seen, row in people:
        key_name = fold(" ".join(names[0])).upper()
        principal = bool(FACTBOOK_PRINCIPAL.match(title.lower()))
        if row["current_at_last_snapshot"] == "yes":
            end = OPEN
        elif principal:
            later = [s for s, n in starts_by_post[post(country, title, row)] if s > start and n != key_name]
            nxt = next((d for d in snapshots if d > last_seen), None)
            cap = nxt - datetime.timedelta(days=1) if nxt else last_seen
            end = min(min(later) - datetime.timedelta(days=1), cap) if later else last_seen
        else:
            end = last_seen  # deputies serve side by side: no successor to go by
        if end <= start:
            continue
        rank = RANK_HEAD if principal else RANK_OTHER
        forms, surname = [], None
        for tokens in names:
            f, s = factbook_forms(tokens, country)
            forms.extend(x for x in f if x not in forms)
            surname = surname or s
        caps = words_of(fold(" ".join(t for t in names[0] if is_caps(t))))
        # A row without a full name (WACHIRALONGKON) still adds its spell to the
        # person's other rows: same post, same start, same words in capitals.
        ident = forms[0] if forms else ("@",) + caps
        rec = records.setdefault(
            (country, canon(ident)), Record("factbook", f"fb:{country}:{ident}", [], [])
        )
        for f in forms:
            if f not in rec.names:
                rec.names.append(f)
        if surname and surname not in rec.surnames:
            rec.surnames.append(surname)
        if caps:
            # spelling changes split a spell: same post, same start, same capitals
            rec.extra_keys.add((country, f"{canon(caps)}@{start}"))
        rec.spells.append(Spell(country + "GOV", start, end, rank, True))
        rec.prominent |= principal
    return list(records.values())


# ----------------------------------------------------------------------------- Phoenix


def read_phoenix_blocks(path: str):
    """Blocks of the Phoenix country dictionary as (line, names, codes, tagged): a name
    line without codes joins the block that follows (as the Rust reader does);
    `tagged` = the block's first line carries the "# CountryInfo.txt" mark of the
    generated people lists."""
    blocks = []
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.lstrip().startswith("#") or line.startswith("<!"):
                continue
            tagged = "CountryInfo.txt" in line
            line = line.split("#")[0]
            text = line.strip()
            if not text:
                continue
            codes = re.findall(r"\[([^\]]*)\]", text)
            name = text.split("[")[0].strip()
            if not name:
                if current is not None:
                    current["codes"].extend(codes)
                continue
            if name.startswith("+"):
                if current is not None:
                    current["names"].append(name[1:])
                    current["codes"].extend(codes)
                continue
            if current is not None and not current["codes"]:
                current["names"].append(name)
                current["codes"].extend(codes)
                continue
            current = {"line": lineno, "names": [name], "codes": list(codes), "tagged": tagged}
            blocks.append(current)
    return blocks


def phoenix_code(code: str, valid: set[str]) -> str | None:
    """A Phoenix code in our country codes: old codes mapped (TMP -> TLS, IMY -> IMN);
    a territory written after its state (GBRVGB, USAPRI, DNKFRO) becomes the
    territory's own ISO code (VGB, PRI, FRO). None for a place we have no code for
    (DDR, the fictional KNT)."""
    code = code.upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not parts or len(code) % 3:
        return None
    parts = [OLD_CODES.get(p, p) for p in parts]
    if len(parts) >= 2 and parts[1] not in CAMEO_TYPES and parts[1] in valid:
        parts = parts[1:]
    if parts[0] not in valid and parts[0] != "IGO":
        return None
    if any(p not in CAMEO_TYPES and p not in valid for p in parts[1:]):
        return None
    return "".join(parts)


def read_phoenix(
    valid: set[str], bad_words: set[str], title_words: set[str], given_names: set[str]
) -> tuple[list[Record], datetime.date, set[str]]:
    """People of the Phoenix country dictionary: blocks from its generated people lists
    (marked "# CountryInfo.txt"), and other blocks that are clearly persons (at least
    one dated role code, a first name of two words or more whose first word starts a
    name in Wikidata, the Factbook or Phoenix's people lists, and no title,
    institution or nationality word).

    Titles (with nationality words) in front of a name are removed
    ("RUSSIAN_PRESIDENT_YELTSIN" -> "YELTSIN"); other names with a title word
    ("GORBACHEV_ADMINISTRATION") are left out; single-word names are kept as surname
    candidates only. Country + ELI lines are dropped (that is the default); an open
    range `>D` is closed at the dictionary's horizon (the latest date it gives), as
    it only says the person was in office when the dictionary was written. Prominent
    (may have a bare surname): Phoenix gives one and a plain GOV (or GOVMIL) code.
    Also returns the single-word names of the other (non-person) blocks: places."""
    blocks = read_phoenix_blocks(PHOENIX)
    given_names = set(given_names)
    for b in blocks:
        first = words_of(fold(b["names"][0].replace("_", " ")))
        if b["tagged"] and first:
            given_names.add(first[0])
    horizon = datetime.date(1900, 1, 1)
    for b in blocks:
        for c in b["codes"]:
            for d in re.findall(r"\d{6,8}", c):
                pd = parse_phoenix_date(d)
                if pd and pd.year <= 2030:
                    horizon = max(horizon, pd)
    records = []
    places = set()
    for b in blocks:
        names = [words_of(fold(n.replace("_", " "))) for n in b["names"]]
        names = [n for n in names if n]
        if not names:
            continue
        spells, undated = [], []
        for c in b["codes"]:
            spec = c.strip()
            m = re.fullmatch(r"([A-Za-z]+)\s*(.*)", spec)
            if not m:
                continue
            code = phoenix_code(m.group(1), valid)
            rest = m.group(2).replace(" ", "")
            if code is None or code == "---":
                continue
            if not rest:
                undated.append(code)
                continue
            start = end = None
            if rest.startswith(">"):
                start = parse_phoenix_date(rest[1:])
                start = start + datetime.timedelta(days=1) if start else None
                end = horizon
                if start is None:
                    continue
            elif rest.startswith("<"):
                end = parse_phoenix_date(rest[1:])
                if end is None:
                    continue
                end -= datetime.timedelta(days=1)
            elif "-" in rest:
                a, _, z = rest.partition("-")
                start, end = parse_phoenix_date(a), parse_phoenix_date(z)
                if start is None or end is None:
                    continue
            else:
                continue
            if start is not None and end <= start:
                continue
            spells.append(Spell(code, start, end, RANK_OTHER, False, horizon=rest.startswith(">")))
        roles = [s for s in spells if not s.code.endswith("ELI")]
        if not roles:
            if not b["tagged"]:
                places.update(n[0] for n in names if len(n) == 1)
            continue
        main = names[0]
        if not b["tagged"]:
            person_like = (
                len(main) >= 2
                and main[0] in given_names
                and not any(set(n) & bad_words for n in names[:1])
            )
            if not person_like:
                places.update(n[0] for n in names if len(n) == 1)
                continue
        home = code_country(roles[0].code)
        default = next((u for u in undated if u.endswith("ELI")), None) or home + "ELI"
        spells = [s for s in spells if not (s.code.endswith("ELI") and s.code == default)]
        full, bare = [], []
        for n in names:
            # "PRESIDENT_PUTIN", "RUSSIAN_PRESIDENT_YELTSIN" -> "PUTIN", "YELTSIN"; a
            # nationality word alone is kept (GERMAN_OSKAROVICH_GREF is a name)
            lead = 0
            while lead < len(n) and n[lead] in bad_words:
                lead += 1
            if any(w in title_words for w in n[:lead]):
                n = n[lead:]
            if not n or set(n) & title_words:
                continue
            if len(n) == 1:
                if n not in bare:
                    bare.append(n)
            elif valid_full_name(n) and n not in full:
                full.append(n)
        if not full:
            continue
        # Prominent: Phoenix gives a bare surname (as it does for the people it thinks
        # prominent) and a plain government code (GOV, or GOVMIL of a defence minister).
        plain = {home + "GOV", home + "GOVMIL"}
        prominent = bool(bare) and any(s.code in plain for s in spells)
        rec = Record("phoenix", f"phx:{b['line']}", full, spells, surnames=bare,
                     default=default, prominent=prominent)
        records.append(rec)
    return records, horizon, places


# ----------------------------------------------------------------------------- people


@dataclass
class Person:
    """Records of one person merged."""

    records: list[Record]
    names: list[tuple[str, ...]] = field(default_factory=list)
    surnames: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def spells(self) -> list[Spell]:
        """Every spell of every record."""
        return [s for r in self.records for s in r.spells]

    @property
    def prominent(self) -> bool:
        """Whether a record makes the person prominent (may have a bare surname)."""
        return any(r.prominent for r in self.records)

    def home(self) -> str:
        """The person's country: the one most of their records list them in (ties:
        the most recent office)."""
        listed = collections.Counter()
        for rec in self.records:
            for c in rec.countries():
                listed[c] += 1
        recent = home_country(self)
        return min(listed, key=lambda c: (-listed[c], c != recent, c))

    def settle_countries(self) -> None:
        """A person in office in several countries at the same time (a monarch of
        several realms) keeps only the spells of their own country (`home`) and those
        elsewhere that overlap none of them."""
        home = self.home()
        own = [s for s in self.spells if code_country(s.code) == home]
        for rec in self.records:
            rec.spells = [
                s for s in rec.spells
                if code_country(s.code) == home
                or not any(overlaps(s, o) for o in own)
            ]

    def score(self) -> tuple:
        """Who keeps a shared name: the higher office, then the later one (open =
        latest), then the longer time in office."""
        spells = self.spells
        return (
            max(s.rank for s in spells),
            max(s.end for s in spells),
            sum(s.days() for s in spells),
        )

    def sources(self) -> set[str]:
        """The sources that know the person."""
        return {r.source for r in self.records}


def overlaps(a: Spell, b: Spell) -> bool:
    """Whether two spells share a day."""
    a_start = a.start or datetime.date.min
    b_start = b.start or datetime.date.min
    return a_start <= b.end and b_start <= a.end


def match_keys(rec: Record) -> set[tuple[str, str]]:
    """(country, spelling-insensitive name) keys by which records of one person meet."""
    keys = set(rec.extra_keys)
    for country in rec.countries():
        for name in rec.names:
            keys.add((country, canon(name)))
    return keys


def merge_records(records: list[Record]) -> list[Person]:
    """Joins records of the same person: same country and the same name up to
    spelling (`canon`), or the same last two words when the last is a surname at most
    three records have, or first and last words with the same consonants when those
    of the last word (three or more) are in at most four records. Two Wikidata items
    are never joined (they are different people by Wikidata's word), so a key shared
    by two of them joins nothing."""
    parent = list(range(len(records)))
    qids: list[set[str]] = [{r.ident} if r.source == "wikidata" else set() for r in records]

    def find(i):
        """The representative of record i's group."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # A rare surname also joins a name to a longer one ending the same way
    # (VOREQE_BAINIMARAMA and JOSAIA_VOREQE_BAINIMARAMA), and to another spelling
    # with the same consonants in the first and last words (ISAIAS_AFWERKI,
    # ISAIAS_AFEWERKI, ISAIAS_AFWORKI).
    surname_count = collections.Counter(canon_word(r.names[0][-1]) for r in records if r.names)
    skeleton_count = collections.Counter(k for r in records for k in {skeleton(n[-1]) for n in r.names})
    by_key = collections.defaultdict(list)
    for i, rec in enumerate(records):
        keys = match_keys(rec)
        for name in rec.names:
            if surname_count[canon_word(name[-1])] <= 3:
                keys |= {(c, "~" + canon(name[-2:])) for c in rec.countries()}
            last = skeleton(name[-1])
            if len(last) >= 3 and skeleton_count[last] <= 4:
                keys |= {(c, f"#{skeleton(name[0])}|{last}") for c in rec.countries()}
        for key in keys:
            by_key[key].append(i)
    # Keys of written forms first (most specific), in a fixed order.
    for key in sorted(by_key):
        members = by_key[key]
        wikidata_roots = {find(i) for i in members if qids[find(i)]}
        if len({q for root in wikidata_roots for q in qids[root]}) > 1:
            continue
        root = find(members[0])
        for i in members[1:]:
            other = find(i)
            if other != root:
                parent[other] = root
                qids[root] |= qids[other]
    groups = collections.defaultdict(list)
    for i, rec in enumerate(records):
        groups[find(i)].append(rec)
    order = {"wikidata": 0, "factbook": 1, "phoenix": 2}
    people = []
    for recs in groups.values():
        recs.sort(key=lambda r: (order[r.source], r.ident))
        people.append(Person(recs))
    return people


def close_with_factbook(person: Person) -> None:
    """Wikidata's open spells of a head of state or government end where the Factbook
    shows the person out of that country's top posts (no longer listed at its last
    snapshot): Wikidata was read in 2022-23, the Factbook runs to 2026."""
    fb = [s for r in person.records if r.source == "factbook" for s in r.spells]
    for rec in person.records:
        if rec.source != "wikidata":
            continue
        for s in rec.spells:
            if s.end != OPEN or s.rank != RANK_HEAD:
                continue
            same = [f for f in fb if code_country(f.code) == code_country(s.code)]
            if same and all(f.end != OPEN for f in same):
                end = max(f.end for f in same)
                if end > s.start:
                    s.end = end


def skeleton(word: str) -> str:
    """A word's consonants (of its spelling-insensitive form): ALEKSANDR and
    ALEXANDER both give ALXNDR."""
    return re.sub(r"[AEIOUY]", "", canon_word(word))


def similar_given(a: str, b: str) -> bool:
    """Whether two given names may be one: same consonants, or one (3 letters or more)
    inside the other (LIZ, ELIZABETH)."""
    a, b = canon_word(a), canon_word(b)
    if len(a) < 3 or len(b) < 3:
        return a == b
    return skeleton(a) == skeleton(b) or a in b or b in a


def prefer_modern(person: Person) -> None:
    """A Phoenix open range says only "in office when Phoenix was written"; where
    Wikidata or the Factbook know the person's spells in that country, an open Phoenix
    range overlapping one of them is left out (their dates win)."""
    modern = [s for s in person.spells if s.modern]
    for rec in person.records:
        if rec.source == "phoenix":
            rec.spells = [
                s for s in rec.spells
                if not (s.horizon and any(
                    code_country(m.code) == code_country(s.code) and overlaps(s, m) for m in modern))
            ]


def hand_written_match(person: Person, hand_keys) -> bool:
    """Whether the person is already in a hand-written file, in an entry with a code of
    one of the person's countries: one of their names (up to spelling), or its start
    before a particle (SALMAN_BIN_ABDULAZIZ of SALMAN_BIN_ABDULAZIZ_AL_SAUD), or its
    words after the first, is a name of that entry; or a name of that entry has the
    same last word (4 letters or more) as one of theirs and a first word like one of
    their given names (Aleksandr/Alexander, Liz/Elizabeth); or one of their surnames
    is a one-word name of that entry and another word of their names is a word of
    the entry's names."""
    names_key, surname_key, last_key = hand_keys
    countries = {code_country(s.code) for s in person.spells}
    for name in person.names:
        keys = {canon(name)}
        # a longer form of a hand-written name: SALMAN_BIN_ABDULAZIZ(_AL_SAUD)
        keys |= {canon(name[:k]) for k in range(2, len(name)) if name[k] in PARTICLES}
        if len(name) >= 3:
            keys.add(canon(name[1:]))  # MATAMELA_(CYRIL_RAMAPHOSA)
        if any(names_key.get(k, set()) & countries for k in keys):
            return True
        given = [w for w in name[:-1] if w not in PARTICLES and not is_initial(w)]
        if len(canon_word(name[-1])) >= 4:
            for country in countries:
                for first in last_key.get((country, canon_word(name[-1])), ()):
                    if any(similar_given(g, first) for g in given):
                        return True
    for rec in person.records:
        for surname in rec.surnames:
            own = canon(surname)
            given = {canon_word(w) for n in person.names for w in n if canon_word(w) not in own}
            for country in countries:
                for words in surname_key.get((country, canon(surname)), ()):
                    if given & words:
                        return True
    return False


def build_hand_keys(hand: ActorFile):
    """Spelling-insensitive keys of the hand-written entries: names of two words or
    more -> countries of the entry's codes; (country, one-word name) -> the words of
    the entry's names; (country, last word of a longer name) -> its first words."""
    names_key = collections.defaultdict(set)
    surname_key = collections.defaultdict(list)
    last_key = collections.defaultdict(list)
    for names, codes in hand.entries:
        countries = {c[:3] for c in codes if len(c) >= 3}
        words = {canon_word(w) for n in names for w in n}
        for name in names:
            if len(name) >= 2:
                names_key[canon(name)] |= countries
                for c in countries:
                    last_key[(c, canon_word(name[-1]))].append(name[0])
            else:
                for c in countries:
                    surname_key[(c, canon(name))].append(words)
    return names_key, surname_key, last_key


def assign_names(people: list[Person]) -> None:
    """Gives every person the variants of their written forms (Wikidata's first,
    then the Factbook's, then Phoenix's)."""
    for p in people:
        home = p.home()
        names: list[tuple[str, ...]] = []
        for rec in p.records:
            for base in rec.names:
                for v in name_variants(base, home):
                    if v not in names:
                        names.append(v)
        p.names = names


def resolve_shared_names(people: list[Person], hand: ActorFile) -> tuple[int, int]:
    """Names used twice: a name of a hand-written file is never written again; a name
    that several generated people share goes to the one with the best `score`, and to
    nobody when the best scores tie. Returns (names dropped for the hand-written files,
    names dropped as shared)."""
    owners = collections.defaultdict(list)
    for p in people:
        for n in p.names:
            owners[n].append(p)
    dropped_hand = dropped_shared = 0
    for name, ps in owners.items():
        if "_".join(name) in hand.phrases:
            for p in ps:
                p.names.remove(name)
                dropped_hand += 1
            continue
        if len(ps) < 2:
            continue
        ranked = sorted(ps, key=lambda p: p.score(), reverse=True)
        keep = ranked[0] if ranked[0].score() > ranked[1].score() else None
        for p in ps:
            if p is not keep:
                p.names.remove(name)
                dropped_shared += 1
    return dropped_hand, dropped_shared


def choose_surnames(
    people: list[Person], hand: ActorFile, stop: dict[str, set[str]]
) -> collections.Counter:
    """Bare-surname synonyms, for prominent people only (heads of state or government,
    foreign and defence ministers; Phoenix people for whom Phoenix gives a bare
    surname). A surname (and then its respellings) is written when it has at least four
    letters; is not a common English word, a given name or a place name; is no word of
    a hand-written name; and no other generated person has it as a word of their names.
    Returns the reasons candidates were refused."""
    word_owners = collections.defaultdict(set)
    for i, p in enumerate(people):
        for n in p.names:
            for w in n:
                word_owners[canon_word(w)].add(i)
                for part in w.split("-"):
                    word_owners[canon_word(part)].add(i)
    hand_words = {canon_word(w) for w in hand.words}
    refused = collections.Counter()
    for i, p in enumerate(people):
        if not p.names:
            continue
        candidates: list[tuple[str, ...]] = []
        for rec in p.records:
            for s in rec.surnames:
                if s and s not in candidates:
                    candidates.append(s)
        if not p.prominent:
            refused["not prominent"] += len(candidates)
            continue
        home = p.home()
        chosen = []
        for cand in candidates:
            forms = [cand]
            if len(cand) == 1:
                forms += [(a,) for a in sorted(word_alternates(cand[0], home))]
                m = re.fullmatch(r"(AL|EL)-([A-Z']+)", cand[0])
                if m:
                    forms.append((m.group(2),))
            for form in forms:
                reason = surname_refusal(form, i, word_owners, hand_words, hand, stop)
                if reason:
                    refused[reason] += 1
                    if form == cand:
                        break  # respellings only of a surname that may be written
                elif form not in chosen and form not in p.names:
                    chosen.append(form)
        p.surnames = chosen
    return refused


def surname_refusal(form, owner, word_owners, hand_words, hand, stop) -> str | None:
    """Why a bare surname may not be written (None = it may)."""
    joined = "_".join(form)
    plain = joined.replace("-", "").replace("'", "")
    if letters(form) < 4 or any(w in PARTICLES for w in form):
        return "shorter than 4 letters"
    if plain in stop["english"] or joined in stop["english"]:
        return "common English word"
    if joined in stop["given"] or plain in stop["given"]:
        return "given name"
    if joined in stop["places"]:
        return "place name"
    if joined in hand.phrases or any(canon_word(w) in hand_words for w in form):
        return "in a hand-written file"
    for w in form:
        if word_owners.get(canon_word(w), set()) - {owner}:
            return "not unique"
    return None


# ----------------------------------------------------------------------------- writing


def spell_lines(person: Person, default: str) -> list[str]:
    """The dated code lines: spells with the same code that overlap or touch are
    joined; codes Wikidata or the Factbook give come before codes only Phoenix gives
    (the first range that holds wins), the later start first within each; a line
    whose days are all taken by lines above it is left out (it would never apply), and
    so are single-day spells (a range must run from one day to a later one)."""
    lines = []
    written: list[tuple[datetime.date, datetime.date]] = []
    by_code = collections.defaultdict(list)
    for s in person.spells:
        if s.code != default:
            by_code[s.code].append(s)
    modern_codes = {s.code for s in person.spells if s.modern}
    for modern in (True, False):
        merged = []
        for code, spells in by_code.items():
            if (code in modern_codes) != modern:
                continue
            spells.sort(key=lambda s: (s.start or datetime.date.min, s.end))
            cur = None
            for s in spells:
                touches = cur and (cur[2] == OPEN or s.start is None
                                   or s.start <= cur[2] + datetime.timedelta(days=1))
                if touches:
                    cur[2] = max(cur[2], s.end)
                    if s.start is None:
                        cur[1] = None
                else:
                    cur = [code, s.start, s.end]
                    merged.append(cur)
        merged.sort(key=lambda m: (-(m[1] or datetime.date(1, 1, 1)).toordinal(), m[0]))
        for code, start, end in merged:
            if start is None and end == OPEN:
                continue
            if covered(start, end, written):
                continue  # every day of it is taken by a line above: it never applies
            written.append((start or datetime.date.min, end))
            if start is None:
                lines.append(f"\t[{code} <{ymd(end + datetime.timedelta(days=1))}]")
            elif end == OPEN:
                lines.append(f"\t[{code} >{ymd(start - datetime.timedelta(days=1))}]")
            elif end > start:
                lines.append(f"\t[{code} {ymd(start)}-{ymd(end)}]")
    return lines


def covered(start, end, ranges) -> bool:
    """Whether the days from `start` (None = the beginning) to `end` all lie in
    `ranges` ((first, last) pairs)."""
    day = start or datetime.date.min
    for first, last in sorted(ranges):
        if first > day:
            return False
        if last >= day:
            if last >= end:
                return True
            day = last + datetime.timedelta(days=1)
    return False


def default_code(person: Person) -> str:
    """Outside every spell: the country of the most recent office + ELI (a Phoenix
    person's own ELI default when Phoenix is their only source)."""
    if person.sources() == {"phoenix"}:
        return person.records[0].default
    return person.home() + "ELI"


HEADER = """\
# dyad built-in actor dictionary: people with dated roles (PETRARCH2 actor format)
#
# GENERATED by crates/dyad-lexicon/gen/people.py -- do not edit by hand; change the
# script or its sources and regenerate:
#     python3 crates/dyad-lexicon/gen/people.py
# then check with: python3 eval/check_lexicon_format.py && cargo test -p dyad-lexicon
#
# Office-holders from Wikidata (CC0) via every-politician-scrapers; heads of state and
# government from the CIA World Factbook (public domain) via factbook/factbook.json
# (CC0); historical office-holders from the Phoenix dictionaries of the Open Event Data
# Alliance (MIT). Only names, offices (as codes) and dates are taken from them.
#
# Counts: {people} people ({by_source});
#   {names} names, of which {surnames} bare surnames; {lines} dated code lines.
#
# Codes (country = ISO 3166-1 alpha-3 as in countries.actors.txt; Phoenix's TMP/IMY
# written TLS/IMN, its GBRVGB-style territory codes as the territory's code):
#   xxxGOV  heads of state and government, ministers, government officials, in office
#   xxxMIL  chiefs of (general/defence) staff and military commanders
#   xxxLEG  speakers and presidents of a legislature
#   xxxJUD  judges, prosecutors, attorneys- and solicitors-general
#   xxxCOP  police chiefs;  xxxSPY  heads of intelligence and state-security services
#   Phoenix people keep Phoenix's role codes (xxxGOVBUS, xxxGOVMIL, ...).
#   The undated last line is the default outside every range: country + ELI (a
#   national elite -- former office-holders are not the government).
# Dates: a range holds from its first to its last day; "[C >D]" is written with D the
#   day BEFORE the first day in office and means "not known to have ended" (Wikidata:
#   no end date in the 2022-23 snapshot; Factbook: in office on 2026-01-22). A start
#   given as a year or month is its first day, an end its last day. Factbook spells end
#   the day before a successor's "since" date, or at the last snapshot showing them.
#   Phoenix open ranges are closed at the Phoenix horizon ({horizon}), and left out
#   where Wikidata or the Factbook have a spell in that country that overlaps. Codes
#   from Wikidata or the Factbook come before codes only Phoenix gives, the later start
#   first: the first range that holds wins. A person in office in several countries at
#   once (a monarch of several realms) keeps the spells of the country most sources
#   list them in.
# People: the sources' records of one person are joined when they share a country and
#   a name up to spelling (Muhammad = Mohamed, -iy = -y, ...), or the last two words of
#   a name with a rare surname; two Wikidata items are never joined.
# Names: the full name with diacritics folded (Erdogan), hyphens as spaces, without
#   initials, honorifics or patronymics, common respellings by rule (Muhammad/Mohammed,
#   Sergei/Sergey, -iy/-y, Yevgeny/Evgeny, al-/el-, ...), the Factbook's "first name +
#   SURNAME". People and names already in the other actor files of this folder
#   (countries, international, nonstate, country-names) are left out: theirs win.
# Shared names: a name two people share goes to the one with the higher office (head
#   of state/government > foreign/defence minister > interior > other), then the later
#   one (in office = latest), then the longer time in office; if all are equal, to
#   neither. People left without a name are dropped.
# Bare surnames only for heads of state/government and foreign and defence ministers
#   (and people Phoenix gives a bare surname), when unique in this file and in the
#   other actor files, at least 4 letters, and not a common English word (UD English
#   Web Treebank), a given name or a place name.
"""


def render(people: list[Person], horizon: datetime.date) -> tuple[str, dict]:
    """The text of the file and its counts."""
    blocks = collections.defaultdict(list)
    counts = collections.Counter()
    for p in people:
        default = default_code(p)
        lines = spell_lines(p, default)
        if not p.names or not lines:
            continue
        names = list(p.names) + list(p.surnames)
        text = ["_".join(names[0])] + ["+" + "_".join(n) for n in names[1:]] + lines + [f"\t[{default}]"]
        blocks[code_country(default)].append((names[0], "\n".join(text)))
        counts["people"] += 1
        counts["names"] += len(names)
        counts["surnames"] += len(p.surnames)
        counts["lines"] += len(lines)
        key = "+".join(sorted(p.sources()))
        counts["src:" + key] += 1
        for s in p.sources():
            counts["with:" + s] += 1
    by_source = ", ".join(
        f"{counts['with:' + s]} from {label}"
        for s, label in (("wikidata", "Wikidata"), ("factbook", "the Factbook"), ("phoenix", "Phoenix"))
    )
    out = [HEADER.format(people=counts["people"], by_source=by_source, names=counts["names"],
                         surnames=counts["surnames"], lines=counts["lines"], horizon=ymd(horizon))]
    for country in sorted(blocks):
        out.append(f"\n# ---- {country}")
        for _, text in sorted(blocks[country]):
            out.append(text)
    return "\n".join(out) + "\n", dict(counts)


# ----------------------------------------------------------------------------- main


def build():
    """Reads every source and returns (people to write, people skipped as
    hand-written, Phoenix horizon, statistics lines)."""
    hand = read_hand_written()
    hand_keys = build_hand_keys(hand)
    agent_words = read_agent_words()
    with open(os.path.join(LEADERS, "factbook", "factbook_countries_head.csv"), encoding="utf-8") as f:
        countries_rows = list(csv.DictReader(f))
    valid = {c[:3] for names, codes in hand.entries for c in codes if len(c) == 3 and c.isalpha()}
    valid |= {ISO_FIXES.get(r["iso3_via_geonames_fips"], r["iso3_via_geonames_fips"])
              for r in countries_rows if re.fullmatch(r"[A-Z]{3}", r["iso3_via_geonames_fips"] or "")}
    nationality = set()
    for r in countries_rows:
        for col in ("nationality_noun", "nationality_adjective"):
            for piece in re.split(r"[,;()/]", r[col] or ""):
                nationality |= set(words_of(fold(re.sub(r"\(s\)", "", piece))))
    places = place_names(countries_rows)
    wikidata = read_wikidata()
    given_counts = collections.Counter(rec.names[0][0] for rec in wikidata)
    # Words that may precede a name in the Factbook: agents.txt, the Factbook's own
    # title words, the words of country names (not given names).
    with open(os.path.join(LEADERS, "factbook", "factbook_executive_spells_2014_2026.csv"), encoding="utf-8") as f:
        fb_titles = {w for row in csv.DictReader(f) for w in words_of(fold(row["title"]))}
    country_words = {w for r in countries_rows for col in ("conventional_long", "conventional_short")
                     for w in words_of(fold(r[col] or ""))}
    title_words = agent_words | fb_titles | EXTRA_TITLE_WORDS | HONORIFICS | country_words | {
        "REPRESENTED", "BY", "CO-PRINCE", "COPRINCE", "PREFECT", "BAILIFF", "CEO", "HIGH",
        "COMMISSIONER", "ARCHBISHOP", "BISHOP", "LT.", "GEN.", "ADMIRAL", "VICE", "CAPTAIN", "REGENT"}
    title_words -= PARTICLES | {w for w, n in given_counts.items() if n >= 2}
    bad_words = (agent_words | EXTRA_TITLE_WORDS | nationality) - PARTICLES

    factbook = read_factbook(title_words)
    for rec in factbook:
        if rec.names:
            given_counts[rec.names[0][0]] += 1
    # any first word of a Wikidata or Factbook name marks a Phoenix block as a person
    phoenix, horizon, phoenix_places = read_phoenix(
        valid, bad_words, agent_words | EXTRA_TITLE_WORDS, set(given_counts))
    for rec in phoenix:
        if rec.names:
            given_counts[rec.names[0][0]] += 1
    given = {w for w, n in given_counts.items() if n >= 2}
    stop = {"english": english_words(), "given": given, "places": places | phoenix_places}

    people = merge_records(wikidata + factbook + phoenix)
    assign_names(people)
    for p in people:
        p.settle_countries()
        close_with_factbook(p)
        prefer_modern(p)
    skipped_hand = [p for p in people if hand_written_match(p, hand_keys)]
    people = [p for p in people if not hand_written_match(p, hand_keys)]
    dropped_hand, dropped_shared = resolve_shared_names(people, hand)
    refused = choose_surnames(people, hand, stop)
    log = [
        f"records: {len(wikidata)} Wikidata, {len(factbook)} Factbook, {len(phoenix)} Phoenix "
        f"-> {len(people) + len(skipped_hand)} people; {len(skipped_hand)} already hand-written",
        f"names dropped: {dropped_hand} used by another actor file, {dropped_shared} shared",
        f"surname candidates refused: {dict(refused.most_common())}",
    ]
    return people, skipped_hand, horizon, log


def main() -> int:
    """Writes the file (or, with --check, compares it with what would be written)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=OUT_FILE)
    ap.add_argument("--check", action="store_true", help="only report whether --out is up to date")
    args = ap.parse_args()
    people, _, horizon, log = build()
    text, counts = render(people, horizon)
    print("\n".join(log))
    print("written:", {k: v for k, v in sorted(counts.items())})
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        print("up to date" if same else f"{args.out} is out of date")
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {len(text.encode())} bytes, {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
