"""Derive the position, name and population of every municipality for the demo generators
(src/demoi/demo/municipality_centroids.csv).

Usage (from the repository root)::

    python tools/derive_centroids.py [--data DIR] [--out FILE] [--check]

``--data`` defaults to ``../shared/data/external`` (``shared/`` beside the repository). With
``--check`` nothing is written: the script exits 1 if the committed file differs.

One row per 2021 municipality (332): ``code`` (ELSTAT 2021), ``name`` (nominative, from
tools/municipality_crosswalk.csv), ``population`` (2021 census, from
ontologies/codelists/municipalities.ttl), ``lat`` and ``lon`` (WGS84 degrees, four decimals) and
``position``, which says where the point comes from:

- ``polygon``: the centroid of the municipality's 2011 boundary in
  ``kallikratis-geojson/sample_municipalities.geojson`` (github.com/sourcegr/Kalikratis-GeoJSON
  @c7cefeb, CC BY 3.0, data from geodata.gov.gr), matched through its YPES code
  (``KWD_YPES`` = ``dorg:ypesCode`` of municipalities.ttl). The centroid is the area-weighted one
  of the largest polygon of the MultiPolygon (computed in ΕΓΣΑ87 metres), so that an island of
  the municipality does not pull the point into the sea. Only six municipalities have a boundary
  in the shared sample (the full set, 38 MB, is not copied), and none of the 2019-split
  municipalities does.
- ``seat``: the municipality whose ELSTAT sequence number is 01 is the seat of its regional unit
  (Κομοτηνή 0101 ... Χανιά 7401); its point is the town's position in ``UNIT_SEATS`` below,
  public geographic facts rounded to about 100 m, curated here because no shared file holds them.
- ``town``: the main town of an island municipality that is not its unit's seat (Αίγινα,
  Πάτμος, Γαύδος...) and of the Chania municipalities, curated in ``TOWNS`` like the seats. The
  twelve municipalities created by the 2019 splits of Corfu, Kefalonia, Lesvos, Samos and
  Σερβίων - Βελβεντού (L.4600/2019) have no 2011 boundary of their own: each is its unit's seat
  or one of these towns (Λευκίμμη for South Corfu, Ληξούρι, Καλλονή for West Lesbos, Καρλόβασι
  for West Samos, Σέρβια, Βελβεντός).
- ``near-seat``: every other municipality is placed near its unit's seat, on a
  sunflower spiral (radius ``step * sqrt(n)``, angle ``n * 137.5°`` for its sequence number
  ``n``), so that neighbours in one unit do not share a point. The step is 0.02° in the Athens
  and Piraeus units, where municipalities are a few kilometres apart, and 0.07° elsewhere. This is
  an approximation for demo data only: such a point can lie in a neighbouring municipality or,
  on a coast, in the sea; the demo places facilities, stops and stations near it and says no
  more than that.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from generated_files import write_or_check
from pyproj import Transformer

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
DEFAULT_OUT = REPO / "src" / "demoi" / "demo" / "municipality_centroids.csv"
CROSSWALK = REPO / "tools" / "municipality_crosswalk.csv"
CODE_LIST = REPO / "ontologies" / "codelists" / "municipalities.ttl"
GEOJSON = Path("kallikratis-geojson") / "sample_municipalities.geojson"

# The seat of each regional unit: (latitude, longitude) of the town of its 01 municipality.
UNIT_SEATS: dict[str, tuple[float, float]] = {
    "01": (41.119, 25.405), "02": (41.151, 24.147), "03": (40.848, 25.874),
    "04": (40.780, 24.709), "05": (40.937, 24.413), "06": (41.135, 24.888),
    "07": (40.640, 22.944), "08": (40.524, 22.202), "09": (40.993, 22.875),
    "10": (40.801, 22.044), "11": (40.272, 22.502), "12": (41.086, 23.548),
    "13": (40.378, 23.443), "14": (40.300, 21.789), "15": (40.084, 21.427),
    "16": (40.517, 21.269), "17": (40.781, 21.409), "18": (39.665, 20.853),
    "19": (39.160, 20.985), "20": (39.503, 20.265), "21": (38.958, 20.751),
    "22": (39.639, 22.419), "23": (39.365, 21.922), "24": (39.362, 22.942),
    "25": (39.163, 23.490), "26": (39.555, 21.768), "27": (38.900, 22.434),
    "28": (38.436, 22.876), "29": (38.463, 23.594), "30": (38.915, 21.796),
    "31": (38.528, 22.377), "32": (39.624, 19.921), "33": (37.787, 20.899),
    "34": (38.367, 20.719), "35": (38.175, 20.489), "36": (38.831, 20.706),
    "37": (38.246, 21.735), "38": (38.371, 21.431), "39": (37.675, 21.441),
    "40": (37.510, 22.372), "41": (37.568, 22.806), "42": (37.939, 22.932),
    "43": (37.074, 22.430), "44": (37.039, 22.114), "45": (37.984, 23.728),
    "46": (38.050, 23.807), "47": (38.015, 23.691), "48": (37.955, 23.702),
    "49": (38.083, 23.735), "50": (38.041, 23.542), "51": (37.942, 23.647),
    "52": (37.964, 23.494), "53": (39.107, 26.555), "54": (37.613, 26.294),
    "55": (39.876, 25.062), "56": (37.755, 26.977), "57": (38.371, 26.136),
    "58": (37.444, 24.942), "59": (37.842, 24.937), "60": (36.417, 25.432),
    "61": (36.950, 26.985), "62": (35.508, 27.213), "63": (37.666, 24.316),
    "64": (36.893, 27.289), "65": (36.727, 24.446), "66": (37.446, 25.328),
    "67": (36.832, 25.898), "68": (37.085, 25.149), "69": (36.434, 28.217),
    "70": (37.538, 25.162), "71": (35.339, 25.133), "72": (35.191, 25.717),
    "73": (35.366, 24.482), "74": (35.514, 24.018),
}  # fmt: skip
# The main town of the island municipalities (and of the Chania municipalities, on a coast that
# bends around the seat) that are not their unit's seat: on the spiral they would lie in the sea
# or on another island. Also Βελβεντός and Σέρβια, split in 2019 from one 2011 municipality.
# Public geographic facts, rounded to about 100 m.
TOWNS: dict[str, tuple[float, float]] = {
    "1402": (40.254, 22.079), "1405": (40.184, 22.000),
    "2502": (39.148, 23.866), "2503": (39.122, 23.726), "3202": (39.792, 19.815),
    "3203": (39.423, 20.072), "3204": (39.197, 20.186), "3502": (38.202, 20.438),
    "3503": (38.252, 20.646), "3602": (38.656, 20.790), "5202": (37.704, 23.351),
    "5203": (37.747, 23.428), "5204": (36.148, 22.990), "5205": (37.499, 23.455),
    "5206": (37.262, 23.159), "5207": (37.510, 23.360), "5208": (37.350, 23.466),
    "5302": (39.236, 26.206), "5402": (37.579, 26.476), "5502": (39.536, 24.988),
    "5602": (37.790, 26.705), "5702": (38.540, 25.563), "5703": (38.513, 26.218),
    "6002": (36.357, 25.776), "6003": (36.732, 25.283), "6004": (36.684, 25.114),
    "6005": (36.621, 24.919), "6102": (37.459, 26.967), "6103": (36.547, 26.352),
    "6104": (37.298, 26.765), "6105": (37.154, 26.850), "6106": (37.310, 26.546),
    "6202": (35.414, 26.921), "6302": (37.391, 24.423), "6402": (36.615, 27.160),
    "6502": (36.795, 24.571), "6503": (37.153, 24.503), "6504": (36.974, 24.710),
    "6702": (37.105, 25.376), "6802": (37.039, 25.082), "6902": (36.150, 29.589),
    "6903": (36.617, 27.837), "6904": (36.416, 27.386), "6905": (36.224, 27.613),
    "7402": (35.408, 24.202), "7403": (34.845, 24.083), "7404": (35.329, 23.737),
    "7405": (35.494, 23.655), "7406": (35.512, 23.893), "7407": (35.201, 24.137),
}  # fmt: skip
# Units whose municipalities are a few kilometres apart (the Athens sectors and Piraeus).
DENSE_UNITS = {"45", "46", "47", "48", "51"}
DENSE_STEP, STEP = 0.02, 0.07
GOLDEN_ANGLE = math.radians(137.5)
HEADER = ["code", "name", "population", "lat", "lon", "position"]


class DerivationError(Exception):
    pass


def municipalities() -> list[tuple[str, str]]:
    """(ELSTAT code, nominative name) from the crosswalk, in code order."""
    lines = [line for line in CROSSWALK.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    rows = list(csv.DictReader(lines))
    return sorted((row["elstat_code"], row["name_nom_el"]) for row in rows)


def code_list_facts() -> tuple[dict[str, str], dict[str, str]]:
    """Population by ELSTAT code, and ELSTAT code by YPES code, from the code list. Read with a
    regular expression over the generated Turtle (its layout is fixed by derive_codelists.py),
    so the tool needs no RDF library."""
    text = CODE_LIST.read_text(encoding="utf-8")
    population: dict[str, str] = {}
    by_ypes: dict[str, str] = {}
    for block in text.split("\n\n"):
        code = re.search(r"^<https://w3id\.org/demoi/code/municipality/(\d{4})>$", block, re.M)
        if not code:
            continue
        people = re.search(r'dorg:population2021 "(\d+)"', block)
        if people:
            population[code.group(1)] = people.group(1)
        ypes = re.search(r'dorg:ypesCode "(\d{4})"', block)
        if ypes:
            by_ypes[ypes.group(1)] = code.group(1)
    return population, by_ypes


def polygon_centroids(data: Path, by_ypes: dict[str, str]) -> dict[str, tuple[float, float]]:
    collection = json.loads((data / GEOJSON).read_text(encoding="utf-8"))
    to_egsa = Transformer.from_crs("EPSG:4326", "EPSG:2100", always_xy=True)
    to_wgs = Transformer.from_crs("EPSG:2100", "EPSG:4326", always_xy=True)
    found = {}
    for feature in collection["features"]:
        ypes = feature["properties"]["KWD_YPES"]
        if ypes not in by_ypes:
            raise DerivationError(f"YPES code {ypes} of {GEOJSON} is not in {CODE_LIST.name}")
        rings = [
            [to_egsa.transform(lon, lat) for lon, lat in polygon[0]]
            for polygon in feature["geometry"]["coordinates"]
        ]
        area, x, y = max((ring_centroid(ring) for ring in rings), key=lambda found: found[0])
        lon, lat = to_wgs.transform(x, y)
        found[by_ypes[ypes]] = (lat, lon)
    return found


def ring_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(|area|, x, y) of a closed ring by the shoelace formula: a dozen lines, where shapely
    would be a new dependency for one tool."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        raise DerivationError("a polygon of the GeoJSON has no area")
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def position(code: str, polygons: dict[str, tuple[float, float]]) -> tuple[float, float, str]:
    if code in polygons:
        return *polygons[code], "polygon"
    if code in TOWNS:
        return *TOWNS[code], "town"
    unit, sequence = code[:2], int(code[2:])
    lat, lon = UNIT_SEATS[unit]
    if sequence == 1:
        return lat, lon, "seat"
    n = sequence - 1
    radius = (DENSE_STEP if unit in DENSE_UNITS else STEP) * math.sqrt(n)
    angle = n * GOLDEN_ANGLE
    # A degree of longitude is shorter than one of latitude by cos(latitude).
    return (
        lat + radius * math.sin(angle),
        lon + radius * math.cos(angle) / math.cos(math.radians(lat)),
        "near-seat",
    )


def derive(data: Path) -> bytes:
    population, by_ypes = code_list_facts()
    polygons = polygon_centroids(data, by_ypes)
    rows = []
    for code, name in municipalities():
        if code not in population:
            raise DerivationError(f"municipality {code} has no population in {CODE_LIST.name}")
        if code[:2] not in UNIT_SEATS:
            raise DerivationError(f"regional unit {code[:2]} has no seat in UNIT_SEATS")
        lat, lon, where = position(code, polygons)
        rows.append([code, name, population[code], f"{lat:.4f}", f"{lon:.4f}", where])
    if len(rows) != 332:
        raise DerivationError(f"expected 332 municipalities, found {len(rows)}")
    out = io.StringIO()
    out.write(
        "# GENERATED FILE: do not edit by hand. Regenerate: python tools/derive_centroids.py\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="external source data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        content = derive(args.data)
    except DerivationError as err:
        print(f"derive_centroids: {err}", file=sys.stderr)
        return 1
    return write_or_check("derive_centroids", {args.out: content}, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
