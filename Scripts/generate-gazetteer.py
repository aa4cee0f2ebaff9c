#!/usr/bin/env python3
"""Builds Entente's compact gazetteer from the GeoNames extracts and the Natural Earth outlines.

    python3 Scripts/generate-gazetteer.py [--data ../shared/data]

Writes three generated resources:

- Sources/EntenteCoding/Resources/Places/gazetteer.tsv: countries, US states and every city
  of 5,000 people or more, with the alternate names written in the Latin alphabet.
  GeoNames data, CC BY 4.0 ("GeoNames, geonames.org"); see the README.
- Sources/EntenteCoding/Resources/Places/countries.tsv: ISO alpha-3, alpha-2, FIPS 10-4 and
  name of each country (GeoNames), for exports that use FIPS codes (GDELT's geography).
- Sources/EntenteServer/Assets/world.svgpath: the country outlines as SVG paths in an
  equirectangular projection (x = longitude + 180, y = 90 - latitude), one country a line.
  Natural Earth, public domain.

Country coordinates are the centroid of the country's largest outline, or its capital's when
Natural Earth's 1:110m map has no outline for it. A US state's coordinates are the mean of
its cities' (the extract has no state centroids).
"""

import argparse
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def latin(name):
    """Whether a name is written in the Latin alphabet (accents allowed) and starts with a
    capital: the names an English text may use."""
    if not name or not name[0].isupper():
        return False
    # Three letters or fewer (`Usa` for a town in Japan) match words and codes, not places.
    if len(name) <= 3:
        return False
    # Codes and acronyms (`NYC`, `LA`) would match acronyms of organisations.
    if name.isupper() and len(name) <= 4:
        return False
    for ch in name:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in " -'’.()":
            return False
    return True


def folded(name):
    """The name without accents (`Herāt` -> `Herat`), which English texts often write."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def ring_area_centroid(ring):
    area = 0.0
    cx = 0.0
    cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def clean(text):
    return text.replace("\t", " ").replace("\n", " ").replace(";", ",")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    args = parser.parse_args()
    geonames = os.path.join(args.data, "geonames")
    with open(os.path.join(geonames, "countries.json")) as f:
        countries = json.load(f)
    with open(os.path.join(geonames, "us_states.json")) as f:
        states = json.load(f)
    with open(os.path.join(geonames, "cities5000.json")) as f:
        cities = json.load(f)
    with open(os.path.join(geonames, "continents.json")) as f:
        continents = json.load(f)
    with open(os.path.join(args.data, "naturalearth", "countries-110m.geojson")) as f:
        outlines = json.load(f)

    iso3 = {code: c["iso3"] for code, c in countries.items()}
    # Natural Earth writes -99 for a few countries; their names are GeoNames's.
    by_name = {c["name"]: c["iso3"] for c in countries.values()}
    centroids = {}
    paths = []
    for feature in outlines["features"]:
        props = feature["properties"]
        code = props.get("iso_a3")
        if code == "-99" or not code:
            code = by_name.get(props.get("name"), "")
        parts = []
        best = (0.0, 0.0, 0.0)
        for polygon in polygons(feature["geometry"]):
            outer = polygon[0]
            area, x, y = ring_area_centroid(outer)
            if area > best[0]:
                best = (area, x, y)
            for ring in polygon:
                points = ["%.2f %.2f" % (lon + 180, 90 - lat) for lon, lat in ring]
                parts.append("M" + "L".join(points) + "Z")
        if code:
            centroids[code] = (best[2], best[1])
        paths.append((code or "-", props.get("name", ""), "".join(parts)))

    rows = []
    capitals = {}
    state_points = {}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names = []
        for name in [city["name"]] + city["alternatenames"]:
            if (latin(name) or name == city["name"]) and name not in names:
                names.append(clean(name))
        if not names:
            continue
        admin1 = city.get("admin1code") or ""
        if city["countrycode"] == "US":
            state_points.setdefault(admin1, []).append(
                (city["latitude"], city["longitude"], city["population"]))
        capital = countries[city["countrycode"]].get("capital")
        if capital and capital in names:
            best = capitals.get(country)
            if best is None or city["population"] > best[2]:
                capitals[country] = (city["latitude"], city["longitude"], city["population"])
        rows.append(
            (city["geonameid"], "city", names[0], country, admin1, city["latitude"],
             city["longitude"], city["population"], names[1:]))

    for code, country in countries.items():
        three = country["iso3"]
        point = centroids.get(three) or capitals.get(three)
        if point is None:
            continue
        rows.append(
            (country["geonameid"], "country", clean(country["name"]), three, "", round(point[0], 4),
             round(point[1], 4), country["population"], []))
    for code, state in states.items():
        points = state_points.get(code)
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        # The extract has no state populations; its cities' sum stands in for one.
        population = sum(p[2] for p in points)
        rows.append(
            (state["geonameid"], "region", state["name"], "USA", code, round(lat, 4), round(lon, 4),
             population, []))

    for continent in continents.values():
        if continent["name"] == "Antarctica":
            continue
        rows.append(
            (continent["geonameId"], "region", continent["name"], "", "",
             round(float(continent["lat"]), 4), round(float(continent["lng"]), 4), 0, []))

    out = os.path.join(ROOT, "Sources", "EntenteCoding", "Resources", "Places")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gazetteer.tsv"), "w") as f:
        f.write("# Entente gazetteer. Generated by Scripts/generate-gazetteer.py from GeoNames\n")
        f.write("# (geonames.org, CC BY 4.0) and Natural Earth (public domain). docs/places.md\n")
        f.write("# id\tkind\tname\tcountry\tadm1\tlat\tlon\tpopulation\talternate names\t"
                "name without accents (when it differs)\n")
        for row in sorted(rows, key=lambda r: (r[1] != "country", r[1] != "region", r[0])):
            plain = clean(folded(row[2]))
            alternates = [name for name in row[8] if name != plain]
            f.write("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n" % (
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                ";".join(alternates), plain if plain != row[2] else ""))
    with open(os.path.join(out, "countries.tsv"), "w") as f:
        f.write("# Entente gazetteer: country codes and names. Generated by\n")
        f.write("# Scripts/generate-gazetteer.py from GeoNames (geonames.org, CC BY 4.0).\n")
        f.write("# iso3\tiso2\tfips\tname\n")
        for code in sorted(countries, key=lambda c: countries[c]["iso3"]):
            country = countries[code]
            f.write("%s\t%s\t%s\t%s\n" % (
                country["iso3"], code, country.get("fips") or "", clean(country["name"])))
    assets = os.path.join(ROOT, "Sources", "EntenteServer", "Assets")
    with open(os.path.join(assets, "world.svgpath"), "w") as f:
        f.write("# Country outlines for the dashboard's map. Generated by\n")
        f.write("# Scripts/generate-gazetteer.py from Natural Earth 1:110m (public domain).\n")
        f.write("# iso3\tname\tSVG path (x = longitude + 180, y = 90 - latitude)\n")
        for code, name, path in sorted(paths):
            f.write("%s\t%s\t%s\n" % (code, clean(name), path))
    print("%d places, %d outlines" % (len(rows), len(paths)))


if __name__ == "__main__":
    main()
