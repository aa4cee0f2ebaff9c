#!/usr/bin/env python3
"""Generate Entente's country knowledge base from the World Factbook and ISO 3166.

Reads ../shared/data/factbook (CIA World Factbook JSON, CC0) and Debian's iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json; `apt-get install iso-codes`), and writes
Sources/EntenteCoding/Resources/KnowledgeBase/countries.tsv and leaders.tsv in the format described in
docs/knowledge-base.md. The output is committed; run this again when either source changes:

    python3 Scripts/generate-countries.py [--factbook DIR] [--out DIR]
"""
import argparse
import glob
import json
import os
import html
import re
import sys
import unicodedata

# Factbook entries whose names do not match ISO 3166 names, mapped by hand (FIPS -> alpha-3).
MANUAL = {
    "bx": "BRN", "cb": "KHM", "cg": "COD", "cf": "COG", "iv": "CIV", "kn": "PRK", "ks": "KOR",
    "tw": "TWN", "vm": "VNM", "rs": "RUS", "sy": "SYR", "ir": "IRN", "la": "LAO", "bl": "BOL",
    "ve": "VEN", "tz": "TZA", "md": "MDA", "uv": "BFA", "wz": "SWZ", "tt": "TLS", "bk": "BIH",
    "mk": "MKD", "fm": "FSM", "nl": "NLD", "gv": "GIN", "pu": "GNB", "ek": "GNQ", "tp": "STP",
    "cv": "CPV", "vt": "VAT", "ce": "LKA", "we": "PSE", "gz": "PSE", "ee": "EST", "ez": "CZE",
    "uk": "GBR", "us": "USA", "ch": "CHN", "hk": "HKG", "mc": "MAC", "tu": "TUR", "sc": "KNA",
    "st": "LCA", "vc": "VCT", "bf": "BHS", "ga": "GMB", "ni": "NGA", "ng": "NER", "po": "PRT",
    "sp": "ESP", "sz": "CHE", "gm": "DEU", "au": "AUT", "as": "AUS", "ei": "IRL", "is": "ISR",
    "ja": "JPN", "ks": "KOR", "mo": "MAR", "od": "SSD", "su": "SDN", "nu": "NIC", "cs": "CRI",
    "ho": "HND", "es": "SLV", "gt": "GTM", "dr": "DOM", "ha": "HTI", "jm": "JAM", "bd": "BMU",
    "cj": "CYM", "vq": "VIR", "vi": "VGB", "rq": "PRI", "gq": "GUM", "aq": "ASM", "cq": "MNP",
    "kv": "XKX", "mj": "MNE", "ri": "SRB", "lo": "SVK", "si": "SVN", "hr": "HRV", "lg": "LVA",
    "lh": "LTU", "bo": "BLR", "up": "UKR", "gg": "GEO", "am": "ARM", "aj": "AZE", "kz": "KAZ",
    "kg": "KGZ", "ti": "TJK", "tx": "TKM", "uz": "UZB", "af": "AFG", "pk": "PAK", "in": "IND",
    "bg": "BGD", "np": "NPL", "bt": "BTN", "bm": "MMR", "th": "THA", "rp": "PHL", "id": "IDN",
    "my": "MYS", "sn": "SGP", "mg": "MNG", "iz": "IRQ", "ku": "KWT", "sa": "SAU", "ae": "ARE",
    "mu": "OMN", "ym": "YEM", "qa": "QAT", "ba": "BHR", "jo": "JOR", "le": "LBN", "eg": "EGY",
    "ly": "LBY", "ts": "TUN", "ag": "DZA", "mr": "MRT", "ml": "MLI", "sg": "SEN", "et": "ETH",
    "er": "ERI", "dj": "DJI", "so": "SOM", "ke": "KEN", "ug": "UGA", "rw": "RWA", "by": "BDI",
    "za": "ZMB", "zi": "ZWE", "mz": "MOZ", "mi": "MWI", "ao": "AGO", "wa": "NAM", "bc": "BWA",
    "sf": "ZAF", "lt": "LSO", "ma": "MDG", "mp": "MUS", "cn": "COM", "se": "SYC", "ct": "CAF",
    "cd": "TCD", "cm": "CMR", "gb": "GAB", "bn": "BEN", "to": "TGO", "gh": "GHA", "li": "LBR",
    "sl": "SLE", "ca": "CAN", "mx": "MEX", "br": "BRA", "ar": "ARG", "ci": "CHL", "pe": "PER",
    "ec": "ECU", "co": "COL", "pa": "PRY", "uy": "URY", "gy": "GUY", "ns": "SUR", "fr": "FRA",
    "it": "ITA", "be": "BEL", "lu": "LUX", "da": "DNK", "sw": "SWE", "no": "NOR", "fi": "FIN",
    "ic": "ISL", "pl": "POL", "hu": "HUN", "ro": "ROU", "bu": "BGR", "gr": "GRC", "cy": "CYP",
    "mt": "MLT", "al": "ALB", "an": "AND", "mn": "MCO", "sm": "SMR", "ls": "LIE", "nz": "NZL",
    "pp": "PNG", "fj": "FJI", "bp": "SLB", "nh": "VUT", "ws": "WSM", "tn": "TON", "kr": "KIR",
    "tv": "TUV", "nr": "NRU", "rm": "MHL", "ps": "PLW", "cu": "CUB", "bh": "BLZ", "pm": "PAN",
    "td": "TTO", "bb": "BRB", "ac": "ATG", "dr": "DOM", "do": "DMA", "gj": "GRD", "mv": "MDV",
    "ce": "LKA", "cb": "KHM",
}

# Entities that are not countries in ISO 3166 or in CAMEO's sense, skipped.
# Akrotiri ("ax") and Dhekelia ("dx") are British sovereign base areas on Cyprus.
SKIP = {"xx", "ay", "oo", "zn", "xq", "xo", "zh", "ee", "gz", "we", "ax", "dx"}
# Short names and abbreviations that news uses and neither source lists.
ALIASES = {
    "USA": ["U.S.", "U.S.A.", "America"],
    "GBR": ["U.K.", "UK", "Britain", "Great Britain"],
    "ARE": ["UAE", "U.A.E."],
    "COD": ["DRC", "Democratic Republic of the Congo"],
    "CZE": ["Czech Republic"],
    "TUR": ["Türkiye"],
    "MMR": ["Burma"],
    "CIV": ["Ivory Coast"],
}

# ISO 3166 codes without a Factbook entry of their own: names come from ISO alone, plus
# these facts (adjectives; nouns; capital; population).
ISO_ONLY = {
    "PSE": (["Palestinian"], ["Palestinian"], "Ramallah", "5500000",
            ["Palestine", "State of Palestine", "Palestinian territories", "Palestinian Territories",
             "Occupied Palestinian Territory", "West Bank", "Gaza", "Gaza Strip"]),
}

# Codes outside ISO 3166-1 that news uses (CAMEO style).
EXTRA_CODES = {"XKX": "Kosovo"}


def text(node, *path):
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return ""
        node = node[key]
    if isinstance(node, dict):
        node = node.get("text", "")
    return html.unescape(re.sub(r"<[^>]+>", " ", node or "")).strip()


def norm(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", " ", s).strip()


TITLE_WORDS = {
    "president", "prime", "minister", "premier", "chancellor", "king", "queen", "emperor", "sultan",
    "emir", "amir", "crown", "prince", "princess", "supreme", "leader", "chairman", "chairwoman",
    "state", "affairs", "commission", "people's", "assembly", "governor", "general", "governor-general",
    "vice", "first", "deputy", "co-prince", "grand", "duke", "pope", "sovereign", "captain",
    "captains", "regent", "regents", "head", "council", "federal", "chief", "executive",
    "transitional", "interim", "acting", "sheikh", "shaykh", "taoiseach", "secretary", "of", "the",
    "presidential", "military", "national", "revolutionary", "sovereignty", "junta", "lieutenant",
    "colonel", "brigadier", "field", "marshal", "administrator", "high", "representative",
    "chairperson", "minister-president", "tsar", "his", "her", "majesty", "highness", "and",
    "co-princes", "monarch", "grand-ducal", "vizier", "cardinal", "apostolic", "premier-designate",
}


def split_name_and_title(role, name):
    words = name.split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS:
        role = (role + " " + words.pop(0)).strip()
    return role, " ".join(words)


def clean_name(name):
    name = re.sub(r"\(.*", "", name).strip()
    lowered = name.lower()
    if not name or "note" in lowered or "disputed" in lowered or "prior to" in lowered or "," in name:
        return ""
    return name


def split_names(value):
    names = []
    # "Taiwan (or Taiwanese)": the alternative is a name too.
    for alternative in re.findall(r"\(or ([^)]*)\)", value):
        value += "; " + alternative
    for part in re.split(r";|,| or ", value):
        part = re.sub(r"\(.*?\)", "", part).strip()
        if part and part.lower() not in ("none", "na"):
            names.append(part)
    return names


def title_name(words):
    # The Factbook writes surnames in capitals: Vladimir Vladimirovich PUTIN.
    out = []
    for w in words.split():
        roman = re.fullmatch(r"[IVXL]+", w) is not None
        if w.isupper() and len(w) > 1 and not roman:
            w = "-".join(part.capitalize() for part in w.split("-"))
        out.append(w)
    return " ".join(out)


LEADER = re.compile(r"^(?P<role>[^;]*?)\s+(?P<name>(?:(?:[A-ZÀ-Ý][\w'’.-]*|d'\w+|de|da|dos|van|von|bin)\s+)*?[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]*)*)\s*\(since (?P<since>[^)]*)\)")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}


def parse_date(value):
    parts = value.replace(",", " ").split()
    if len(parts) == 3 and parts[0].isdigit() and parts[1].lower() in MONTHS and parts[2].isdigit():
        return "%04d-%02d-%02d" % (int(parts[2]), MONTHS[parts[1].lower()], int(parts[0]))
    if len(parts) == 2 and parts[0].lower() in MONTHS and parts[1].isdigit():
        return "%04d-%02d" % (int(parts[1]), MONTHS[parts[0].lower()])
    if len(parts) == 1 and parts[0].isdigit():
        return parts[0]
    return ""


def leaders(executive, kind):
    found = []
    for sentence in re.split(r";", text(executive, kind)):
        m = LEADER.search(sentence.strip())
        if not m:
            continue
        role, name = m.group("role").strip(), m.group("name")
        # A given name alone before the surname is not a role ("Sébastien LECORNU").
        if role and all(w[0].isupper() and w.lower() not in TITLE_WORDS for w in role.split()) and len(role.split()) <= 2 and len(name.split()) == 1 and not any(w.lower() in ("president", "king", "queen", "prince", "premier", "emperor", "leader", "governor", "chancellor", "minister", "administrator", "emir", "sultan") for w in role.split()):
            role, name = "", role + " " + name
        role, name = split_name_and_title(role, title_name(name))
        since = parse_date(m.group("since"))
        found.append((role, name, since))
    return found


def major_cities(value, capital):
    # "3.017 million KYIV (capital), 1.421 million Kharkiv, 942,000 Dnipropetrovsk (2023)"
    found = []
    value = value.replace(", D.C.", " D.C.")
    for part in re.split(r",(?!\d)", value):
        if "(capital)" in part:
            continue
        part = re.sub(r"\(.*?\)", "", part).strip()
        part = re.sub(r"^[\d.,]+( million)?\s+", "", part).strip()
        if not part or part[0].isdigit():
            continue
        # Metropolitan areas joined by hyphens: "Dallas-Fort Worth", "Tel Aviv-Yafo".
        pieces = [part] if re.search(r"-[a-z]", part) else re.split(r"-(?=[A-Z])|/", part)
        for name in pieces:
            name = name.strip()
            if name.isupper():
                name = " ".join(w.capitalize() for w in name.split())
            if name and name != capital and name not in found and not re.search(r"\d", name):
                found.append(name)
    return found


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--factbook", default=os.path.join(here, "..", "..", "shared", "data", "factbook"))
    parser.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    parser.add_argument("--out", default=os.path.join(here, "..", "Sources", "EntenteCoding", "Resources", "KnowledgeBase"))
    args = parser.parse_args()

    iso = json.load(open(args.iso))["3166-1"]
    by_name = {}
    for entry in iso:
        for key in ("name", "official_name", "common_name"):
            if key in entry:
                by_name[norm(entry[key])] = entry["alpha_3"]
    iso_codes = {e["alpha_3"]: e for e in iso}

    countries = {}
    cities = {}
    leader_rows = []
    for path in sorted(glob.glob(os.path.join(args.factbook, "*", "*.json"))):
        fips = os.path.splitext(os.path.basename(path))[0]
        if fips in SKIP:
            continue
        data = json.load(open(path))
        government = data.get("Government", {})
        short = text(government, "Country name", "conventional short form")
        long = text(government, "Country name", "conventional long form")
        code = MANUAL.get(fips) or by_name.get(norm(short)) or by_name.get(norm(long))
        if not code:
            continue
        if code not in iso_codes and code not in EXTRA_CODES:
            continue
        names = []
        for n in [short, long] + [iso_codes.get(code, {}).get(k, "") for k in ("name", "common_name", "official_name")] + ALIASES.get(code, []):
            n = clean_name(n)
            if n and n.lower() not in ("none", "na") and n not in names:
                names.append(n)
        people = data.get("People and Society", {})
        adjectives = split_names(text(people, "Nationality", "adjective"))
        nouns = split_names(text(people, "Nationality", "noun"))
        # "North Korea" has the adjective "Korean": news writes "North Korean".
        first = short.split()[0] if short else ""
        if first in ("North", "South", "East", "West"):
            adjectives = [a if a.startswith(first) else first + " " + a for a in adjectives]
            nouns = [n if n.startswith(first) else first + " " + n for n in nouns]
        capital = text(government, "Capital", "name")
        capital = re.split(r";|\(", capital)[0].strip()
        canonical = names[0] if names else code
        population_text = text(people, "Population", "total") or text(people, "Population")
        digits = re.match(r"[\d,]+", population_text.replace(" ", ""))
        population = digits.group(0).replace(",", "") if digits else "0"
        if code in countries and int(countries[code][5] or 0) >= int(population or 0):
            continue
        countries[code] = (canonical, names, adjectives, nouns, capital, population)
        cities[code] = major_cities(text(people, "Major urban areas - population"), capital)
        executive = government.get("Executive branch", {})
        for kind, role_kind in (("chief of state", "chief-of-state"), ("head of government", "head-of-government")):
            for role, name, since in leaders(executive, kind):
                leader_rows.append((code, role_kind, name, role, since))

    for entry in iso:
        code = entry["alpha_3"]
        if code in countries:
            continue
        adjectives, nouns, capital, population, extra = ISO_ONLY.get(code, ([], [], "", "0", []))
        names = []
        for n in extra + [entry.get(k, "") for k in ("common_name", "name", "official_name")]:
            n = clean_name(n)
            if n and n not in names:
                names.append(n)
        if not names:
            names = [entry["name"]]
        countries[code] = (names[0], names, adjectives, nouns, capital, population)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "countries.tsv"), "w") as out:
        out.write("# Entente knowledge base: countries. Generated by Scripts/generate-countries.py from the\n")
        out.write("# CIA World Factbook (CC0) and ISO 3166-1 (Debian iso-codes). Format: docs/knowledge-base.md.\n")
        out.write("# code\tcanonical\tnames\tadjectives\tnouns\tcapital\tpopulation\n")
        for code in sorted(countries):
            canonical, names, adjectives, nouns, capital, population = countries[code]
            out.write("\t".join([code, canonical, "; ".join(names), "; ".join(adjectives), "; ".join(nouns), capital, population]) + "\n")
    with open(os.path.join(args.out, "cities.tsv"), "w") as out:
        out.write("# Entente knowledge base: major cities other than capitals. Generated by\n")
        out.write("# Scripts/generate-countries.py from the CIA World Factbook (CC0). Format: docs/knowledge-base.md.\n")
        out.write("# code\tcities\n")
        for code in sorted(cities):
            if cities[code]:
                out.write(code + "\t" + "; ".join(cities[code]) + "\n")
    with open(os.path.join(args.out, "leaders.tsv"), "w") as out:
        out.write("# Entente knowledge base: current chiefs of state and heads of government. Generated by\n")
        out.write("# Scripts/generate-countries.py from the CIA World Factbook (data to January 2026).\n")
        out.write("# code\tposition\tname\ttitle\tsince\n")
        for row in sorted(leader_rows):
            out.write("\t".join(row) + "\n")
    print("%d countries, %d leaders" % (len(countries), len(leader_rows)), file=sys.stderr)
    missing = sorted(set(e["alpha_3"] for e in iso) - set(countries))
    print("ISO 3166 codes without a Factbook entry: %d (%s)" % (len(missing), " ".join(missing)), file=sys.stderr)


if __name__ == "__main__":
    main()
