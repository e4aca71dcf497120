#!/usr/bin/env python3
"""Generate crates/dyad-lexicon/data/country-names.actors.txt.

The hand-written actor files (countries.actors.txt and the others in data/) hold each
country's main names. This script collects the English names that reference data has
for every country and territory with an ISO 3166-1 code, keeps the plausible news
spellings, and writes the ones the hand-written files do not have yet, as synonyms of
one entry per country.

Sources (read from the shared data folder, see --data):
  country-names/cldr_territories_en.json   Unicode CLDR English territory names, with
                                           their short and variant forms
  country-names/countrynames_data.yaml     name variants from the `countrynames`
                                           package (many languages; filtered hard)
  factbook/factbook_countries_head.csv     CIA World Factbook: conventional long and
                                           short names, former names, abbreviations,
                                           nationality nouns and adjectives, capitals

Filters (a name is left out when any holds):
  - it is not Latin script, or has digits, brackets, commas, slashes;
  - it is shorter than 3 letters, or an all-capital code of up to 5 letters, unless it
    is an established acronym (ACRONYMS);
  - it is one word that is also a common lower-case English word (COMMON_WORDS):
    those stay as the hand-written files have them;
  - it is in DROP (other places, people's names, foreign-language forms, ...);
  - it names two different countries (dropped for both);
  - it comes only from `countrynames` and has a word that no trusted English name
    (CLDR, Factbook, hand-written files) of the same country has;
  - any actor file in data/ other than the output already lists it (with any code).

Diacritics are folded to ASCII ("Cote d'Ivoire"); the dictionary format is ASCII.

Usage (from the repository root):
    python3 crates/dyad-lexicon/gen/country_names.py [--data DIR] [--out FILE] [--check]

--check writes nothing and exits 1 when the output file is not what the script would
write (for CI). Requires Python 3.11 and PyYAML.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CRATE))
DATA_DIR = os.path.join(CRATE, "data")
OUT_NAME = "country-names.actors.txt"
DEFAULT_SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data", "leaders")
if not os.path.isdir(DEFAULT_SHARED):
    DEFAULT_SHARED = "/work/shared/data/leaders"

# ISO 3166-1 alpha-2 -> alpha-3, plus Kosovo (XK), coded KSV as in CAMEO.
ISO = """
AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS
AW ABW AX ALA AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM
BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK
CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV
CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY
EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD
GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM
GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN
IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM
KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA
LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL
MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI
MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU
NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI
PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC
SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD
ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS
TM TKM TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY
UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF
ZM ZMB ZW ZWE XK KSV
"""
_t = ISO.split()
ALPHA3 = dict(zip(_t[0::2], _t[1::2]))
# countrynames keys for former states that are the same state as today's.
ALPHA3["ZR"] = "COD"
# The Factbook's ISO column uses XKX for Kosovo.
FACTBOOK_ISO = {"XKX": "KSV"}

# Acronyms that news uses for a country: kept although short or all capitals.
ACRONYMS = {
    "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DRC", "D.R.C.", "DPRK",
    "PRC", "ROK", "KSA", "BIH", "PNG", "NZ", "FYROM", "TRNC", "CNMI", "BIOT", "LAO_PDR",
}

# One-word names that are also ordinary lower-case English words (or a given name or
# surname common in news): a coder cannot tell them apart without context.
COMMON_WORDS = {
    "chad", "turkey", "china", "jordan", "guinea", "niger", "georgia", "jersey",
    "guernsey", "man", "reunion", "ascension", "christmas", "male", "victoria",
    "kingston", "hamilton", "douglas", "stanley", "plymouth", "valley", "settlement",
    "republic", "congo", "dominica", "kiwi", "kiwis", "manx", "swati", "marshall",
    "solomon", "cook", "lima", "sofia", "santiago", "lao", "thai", "bajan", "polish",
    "pole", "poles", "swede", "swedes", "dane", "danes", "finn", "finns", "turk",
    "turks", "greek", "greeks", "french", "dutch", "swiss",
}

# Names that pass the filters above but must not be added, with the reason.
DROP = {
    # other places, people, brands
    "GOLD_COAST": "also an Australian city",
    "SAN_JOSE": "also a large US city",
    "GEORGE_TOWN": "also the capital of Penang, Malaysia",
    "JAMESTOWN": "US towns",
    "SAINT-PIERRE": "also towns in Reunion and Martinique",
    "PHILIPSBURG": "US towns",
    "SAINT_JOHN'S": "also the capital of Newfoundland",
    "STATE_OF_MEXICO": "a state of Mexico",
    "SALVADOR": "a Brazilian city; a given name",
    "GUIANA": "also French Guiana and the region",
    "TIMOR": "an island shared with Indonesia",
    "PAPUA": "also a province of Indonesia",
    "MCDONALD": "a surname and a brand",
    "DOMINGO": "a given name",
    "SAMOAN_ISLANDS": "the archipelago of two territories",
    "CAROLINE_ISLANDS": "the archipelago of two states",
    "FRENCH_GUINEA": "easily read as French Guiana",
    "BRITISH_ISLANDS": "a legal term wider than the United Kingdom",
    "DIEGO_GARCIA": "a person's name too; hand-written where used",
    "SAINT_MARTIN": "an island shared by two territories",
    "EAST_BENGAL": "a historical region",
    "UPPER_PERU": "a colonial region",
    "BANDA_ORIENTAL": "a colonial region",
    "CISPLATINE_PROVINCE": "a colonial region",
    "MESOPOTAMIA": "a region",
    "DILMUN": "ancient", "TYLOS": "ancient", "AWAL": "ancient", "MISHMAHIG": "ancient",
    "BAHRAYN": "a transliteration", "SERENDIB": "ancient",
    "MANDATORY_PALESTINE": "the mandate territory, not Israel",
    "SPANISH_SAHARA": "Western Sahara's colonial name",
    "WESTERN_SAHARA": "its own code, ESH",
    "RIO_DE_ORO": "part of Western Sahara",
    "SAGUIA_EL_HAMRA": "part of Western Sahara",
    "FRENCH_SOMALILAND": "Djibouti's colonial name, easily read as Somaliland",
    "BRITISH_SOMALILAND": "Somaliland",
    "ITALIAN_SOMALILAND": "a colony",
    "SUDANESE_REPUBLIC": "Mali in 1958-60, easily read as Sudan",
    "FRENCH_SUDAN": "Mali's colonial name, easily read as Sudan",
    "NETHERLANDS_ANTILLES": "several territories; hand-written as ANT",
    "ITALIAN_EAST_AFRICA": "several colonies",
    "BRITISH_EAST_AFRICA": "several colonies",
    "SENEGAMBIA": "a confederation of two states",
    "ST._MARTIN": "an island shared by two territories",
    "WEST_ISLAND": "a common phrase",
    "FLYING_FISH_COVE": "a settlement, not a government",
    # states that were not today's state
    "DEMOCRATIC_REPUBLIC_OF_VIETNAM": "North Vietnam before 1976",
    "REPUBLIC_OF_VIETNAM": "South Vietnam before 1976",
    "SOUTH_VIETNAM": "a different state before 1976",
    "UNITED_ARAB_REPUBLIC": "Egypt and Syria, 1958-61",
    # words of no news use
    "HOORN_ISLANDS": "not news", "PLEASANT_ISLAND": "not news",
    "SAVAGE_ISLAND": "not news", "FRIENDLY_ISLANDS": "a nickname",
    "SOMERS_ISLANDS": "not news", "NEW_PHILIPPINES": "not news",
    "ESTABLISHMENTS_IN_OCEANIA": "not news", "HERVEY_ISLANDS": "not news",
    "FRENCH_ESTABLISHMENTS_IN_OCEANIA": "not news",
    "MARIANA_ISLANDS_DISTRICT": "not news", "UNION_ISLANDS": "not news",
    "EASTERN_SAMOA": "not news", "PALAU_DISTRICT": "not news",
    "MARSHALL_ISLANDS_DISTRICT": "not news",
    "GREAT_BRITISH": "not a name", "TURKISH_REPUBLIC_OF_NORTH": "cut short",
    "RUSSIA_FEDERATION": "word order", "ARABIA_SAUDI": "word order",
    "ARAB_SAUDI": "word order", "SAUDI_ARAB": "word order",
    "GUINEA_EQUATORIAL": "word order",
    # other languages' forms
    "BEOGRAD": "Serbian", "VIANGCHAN": "Lao", "TIRANE": "Albanian",
    "TARABULUS": "Arabic; also Tripoli in Lebanon", "LEFKOSIA": "Greek",
    "LEFKOSA": "Turkish", "PRISHTINE": "Albanian", "CIUDAD_DE_MEXICO": "Spanish",
    "GUAHAN": "Chamorro", "AGANA": "old spelling", "TOSHKENT": "Uzbek",
    "TIMOR_ORIENTAL": "Spanish", "NIEUW_ZEELAND": "Dutch",
    "DEUTSCH-SUEDWESTAFRIKA": "German",
    # CLDR display forms
    "HONG_KONG_SAR_CHINA": "a display form", "MACAO_SAR_CHINA": "a display form",
    "MACAU_SAR_CHINA": "a display form",
}

# Words that mark Factbook notes rather than names.
NOTE_WORDS = {"IS", "WAS", "FORMER", "NAME", "SOMETIMES", "REFERRED", "LOCATED", "NOTE"}

# Words of formal country names that carry no country in themselves.
FORMAL_WORDS = set("""
REPUBLIC OF THE AND STATE STATES KINGDOM DEMOCRATIC PEOPLE'S PEOPLES ISLAMIC FEDERAL
FEDERATION FEDERATIVE UNITED UNION SOCIALIST COMMONWEALTH PRINCIPALITY GRAND DUCHY
SULTANATE EMIRATE ARAB PLURINATIONAL BOLIVARIAN COOPERATIVE CO-OPERATIVE INDEPENDENT
TERRITORY ISLANDS ISLAND NORTH SOUTH EAST WEST NORTHERN SOUTHERN EASTERN WESTERN ST.
SAINT & CITY CONFEDERATION HASHEMITE ORIENTAL DEMOCRATIC SOCIALIST NATION OVERSEAS
COLLECTIVITY SPECIAL ADMINISTRATIVE REGION BAILIWICK COUNTRY
""".split())

NAME_RE = re.compile(r"[A-Z0-9'.\-_&]+")


def fold(text):
    """Typographic quotes to ASCII, diacritics removed; None if not Latin script."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00b4", "'")
    text = text.replace("\u2013", "-").replace("\u2010", "-").replace("\u2011", "-")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u00df", "ss").replace("\u00f8", "o").replace("\u00d8", "O")
    text = text.replace("\u0131", "i").replace("\u0142", "l").replace("\u0141", "L")
    if any(ord(c) > 127 for c in text):
        return None
    return text


def phrase(name):
    """A display name as a dictionary phrase (upper case, words joined by '_'), or
    None when it cannot be one."""
    name = fold(name.strip())
    if name is None:
        return None
    name = re.sub(r"\s+-\s+", "-", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;")
    if re.match(r"(?i)the\s", name):
        name = name[4:]
    if not name or re.search(r"[0-9()\[\],;/:\"]", name):
        return None
    p = name.upper().replace(" ", "_")
    if not NAME_RE.fullmatch(p):
        return None
    return p


def letters(p):
    return sum(c.isalpha() for c in p)


def acceptable(p, raw):
    """The filters that need no knowledge of other countries."""
    if p in ACRONYMS:
        return True
    if letters(p) < 3:
        return False
    words = p.split("_")
    # Codes and acronyms: all capitals in the source, up to 5 letters, one word.
    if len(words) == 1 and letters(p) <= 5 and raw.strip().replace(".", "").isupper():
        return False
    if len(words) == 1 and p.lower() in COMMON_WORDS:
        return False
    if raw.strip()[:1].islower():
        return False
    if p in DROP or NOTE_WORDS & set(words):
        return False
    return True


# ----------------------------------------------------------------- sources

def split_list(text):
    """Factbook free text ("Motswana (singular), Batswana (plural)", "Lao(s) or
    Laotian(s)", "Frenchman(men)") into single names."""
    if not text:
        return []
    text = re.split(r";?\s*note\s*-", text)[0]
    text = text.replace("Washington, D.C.", "Washington D.C.")
    out = []
    for part in re.split(r",|;| or |/", text):
        part = part.strip()
        # "(singular)", "(US citizens)", "(constitutional capital)": notes.
        part = re.sub(r"\((singular|plural|singular and plural|collective plural|"
                      r"[^)]*(capital|citizen|national|seat|located|on |sometimes|"
                      r"Dutch|English|French|Arabic|Spanish|Somali|Tetum|Portuguese|"
                      r"Hindi|Sinhala|Tamil|Fijian|Russian|Romanian|Romansh|Italian|"
                      r"German|Albanian|Serbian|Turkish|Greek|Swedish|Finnish|Comorian|"
                      r"Haitian|Belarusian|is the|while|with|along|short-lived)"
                      r"[^)]*)\)", "", part).strip()
        part = re.sub(r"\s+in\s+(Romanian|Russian)$", "", part)
        m = re.fullmatch(r"(.*\w)\((s|men|women)\)", part.replace(" (", "("))
        if m:
            stem, plural = m.groups()
            out.append(stem)
            if plural == "s":
                out.append(stem + "s")
            else:
                out.append(re.sub(r"man$", "men", stem))
            continue
        # "Tripoli (Tarabulus)", "Hanoi (Ha Noi)": two names.
        m = re.fullmatch(r"([^()]+)\(([^()]+)\)", part)
        if m:
            out.append(m.group(1).strip())
            out.extend(x.strip() for x in m.group(2).split(","))
            continue
        if "(" in part or ")" in part:
            continue
        if part.lower() in ("", "none", "na", "n/a"):
            continue
        out.append(part)
    return [x for x in out if x]


def read_cldr(path):
    with open(path, encoding="utf-8") as f:
        territories = json.load(f)["main"]["en"]["localeDisplayNames"]["territories"]
    names = []
    for key, name in territories.items():
        a2 = key.split("-")[0]
        if a2 not in ALPHA3:
            continue
        # "Congo (DRC)", "Myanmar (Burma)", "Falkland Islands (Islas Malvinas)".
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
        parts = [m.group(1), m.group(2)] if m else [name]
        rank = 0 if "-alt" not in key else 1
        for part in parts:
            names.append((ALPHA3[a2], part, rank, "cldr"))
    return names


def read_factbook(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso = row["iso3_via_geonames_fips"]
            iso = FACTBOOK_ISO.get(iso, iso)
            if not iso or iso not in ALPHA3.values():
                continue
            # Rank: which name becomes the entry's own (current names first).
            fields = [
                ("conventional_short", 0), ("conventional_long", 2),
                ("abbreviation", 3), ("nationality_noun", 4),
                ("nationality_adjective", 4), ("capital", 5), ("former", 8),
            ]
            for field, rank in fields:
                value = row[field]
                if field in ("conventional_short", "conventional_long"):
                    value = re.split(r";\s*note", value)[0]
                    items = [] if value.strip().lower() == "none" else [value]
                    # "Holy See (Vatican City)", "Falkland Islands (Islas Malvinas)".
                    m = re.fullmatch(r"(.+?)\s*\((.+)\)", value)
                    if m:
                        items = [m.group(1), m.group(2)]
                elif field == "former":
                    # "Yemen Arab Republic [Yemen (Sanaa) or North Yemen] and ...":
                    # too tangled to split safely.
                    if "[" in value:
                        continue
                    items = split_list(value)
                else:
                    items = split_list(value)
                for item in items:
                    names.append((iso, item, rank, "factbook"))
    return names


def read_countrynames(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    names = []
    for key, variants in data.items():
        if key not in ALPHA3:
            continue
        for v in variants or []:
            if isinstance(v, str):
                names.append((ALPHA3[key], v, 6, "countrynames"))
    return names


def read_existing(data_dir):
    """Every phrase already listed in the other actor files."""
    existing = {}
    for name in sorted(os.listdir(data_dir)):
        if not name.endswith(".actors.txt") or name == OUT_NAME:
            continue
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if not s or s.startswith("#") or s.startswith("["):
                    continue
                s = re.split(r"\s#", s)[0].strip()
                s = s.split("[")[0].strip().lstrip("+").strip("_")
                if s:
                    existing.setdefault(s, name)
    return existing


# ----------------------------------------------------------------- main

def collect(shared, data_dir):
    cn = os.path.join(shared, "country-names")
    trusted = read_cldr(os.path.join(cn, "cldr_territories_en.json"))
    trusted += read_factbook(os.path.join(shared, "factbook", "factbook_countries_head.csv"))
    variants = read_countrynames(os.path.join(cn, "countrynames_data.yaml"))
    existing = read_existing(data_dir)

    # Hand-written country names count as trusted words of their country.
    hand_codes = {}
    code = None
    with open(os.path.join(data_dir, "countries.actors.txt"), encoding="utf-8") as f:
        for line in f:
            s = re.split(r"\s#", line.strip())[0].strip()
            if not s:
                continue
            m = re.fullmatch(r"([^+\[\s][^\[]*?)\s*\[([A-Z]{3})\]", s)
            if m:
                code = m.group(2)
                hand_codes.setdefault(code, set()).add(m.group(1))
            elif s.startswith("+") and code:
                hand_codes[code].add(s[1:].strip())
            elif not s.startswith("["):
                code = None

    vocab = {}
    for iso, raw, _, _ in trusted:
        p = phrase(raw)
        if p:
            vocab.setdefault(iso, set()).update(p.split("_"))
    for iso, names in hand_codes.items():
        for n in names:
            vocab.setdefault(iso, set()).update(n.split("_"))

    candidates = {}  # phrase -> {iso: best rank}
    for iso, raw, rank, source in trusted + variants:
        p = phrase(raw)
        if not p or not acceptable(p, raw):
            continue
        if source == "countrynames":
            words = p.split("_")
            own = vocab.get(iso, set())
            if not all(w in own or w in FORMAL_WORDS for w in words):
                continue
            content = [w for w in words if w not in FORMAL_WORDS]
            if not content or len(set(content)) < len(content):
                continue
        by_iso = candidates.setdefault(p, {})
        by_iso[iso] = min(rank, by_iso.get(iso, rank))

    per_country = {}
    for p, by_iso in candidates.items():
        if len(by_iso) > 1 or p in existing:
            continue
        (iso, rank), = by_iso.items()
        per_country.setdefault(iso, []).append((rank, p))
    return per_country


HEADER = """\
# dyad built-in actor dictionary: more country names (PETRARCH2 actor-dictionary format)
#
# GENERATED FILE, DO NOT EDIT. Regenerate from the repository root with
#     python3 crates/dyad-lexicon/gen/country_names.py
# after changing any hand-written actor file in this folder; edit the filters in that
# script, or add names to countries.actors.txt, instead of editing this file.
#
# It holds only the names of countries and territories that the hand-written actor
# files do not list yet: English short, long, former and variant names, nationality
# nouns and adjectives, and capitals, one entry a country (the entry's own name is one
# of the names), coded with ISO 3166-1 alpha-3 codes as countries.actors.txt is (KSV
# for Kosovo). Names that name two countries, common English words, other languages'
# forms and short codes are left out (see the script).
#
# Sources: country names from Unicode CLDR (Unicode License v3) and countrynames (MIT);
# CIA World Factbook (public domain) via factbook/factbook.json (CC0).
"""


def render(per_country):
    lines = [HEADER]
    total = 0
    for iso in sorted(per_country):
        names = sorted(per_country[iso], key=lambda x: (x[0], x[1]))
        seen = []
        for _, p in names:
            if p not in seen:
                seen.append(p)
        lines.append("")
        lines.append(f"{seen[0]} [{iso}]")
        for p in seen[1:]:
            lines.append(f"+{p}")
        total += len(seen)
    lines.append("")
    return "\n".join(lines), len(per_country), total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_SHARED,
                    help="shared data folder holding country-names/ and factbook/")
    ap.add_argument("--out", default=os.path.join(DATA_DIR, OUT_NAME))
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the output file is out of date")
    args = ap.parse_args()
    per_country = collect(args.data, DATA_DIR)
    text, entries, names = render(per_country)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.out} is out of date; run {os.path.relpath(__file__, ROOT)}")
            return 1
        print(f"{args.out} is up to date ({entries} entries, {names} names)")
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {entries} entries, {names} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
