"""Demo generators of the territorial areas: places, environment, mobility, utilities, culture and
services.

Each generator writes the export one municipal system would give for one municipality, in the
shape of the sample in examples/<area>/ (encoding, delimiter, Greek numbers and dates, title
rows, sheets, JSON or GTFS structure), around the municipality's position
(municipality_centroids.csv, made by tools/derive_centroids.py) and sized by its 2021 population.
Names of facilities, streets, venues and stops are plausible inventions; no file holds personal
data (no names or phones of people, no customers, no household addresses).

Sizes: the number of rows of every file is ``base × weight × scale`` (at least a few), where the
weight grows with the square root of the population (Athens about 4.5 times an average
municipality), so that at scale 1 these areas give about 1,500 triples for an average
municipality. Everything random comes from the generator's own ``random.Random``, and dates are
fixed (2024), never read from the clock.
"""

# ruff: noqa: E501  (the Greek texts of the service and name tables are one line each)

from __future__ import annotations

import csv
import datetime
import io
import json
import math
import random
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from demoi.demo.generated import GeneratedSource, generator
from demoi.municipalities import Municipality
from demoi.transliteration import slug

CENTROIDS = Path(__file__).with_name("municipality_centroids.csv")
YEAR = 2024
#: The fixed time written into every zip entry and workbook, so the same input gives the same bytes.
FIXED_TIME = (2024, 9, 1, 12, 0, 0)
AVERAGE_POPULATION = 30_000


# --- the municipality's place and size ----------------------------------------------------------


@dataclass(frozen=True)
class Territory:
    """What the generators need to know of one municipality."""

    code: str
    town: str  # nominative («Καλαμάτα»)
    town_en: str  # «Kalamata», from «Municipality of Kalamata»
    genitive: str  # «Καλαμάτας», from the official name «Δήμος Καλαμάτας»
    label: str  # «Δήμος Καλαμάτας»
    population: int
    lat: float
    lon: float

    @property
    def unit(self) -> str:
        return self.code[:2]

    @property
    def domain(self) -> str:
        return f"www.{slug(self.town).replace('-', '')}.gr"

    @property
    def weight(self) -> float:
        """How much bigger than an average municipality its registers are."""
        return min(4.5, max(0.35, math.sqrt(self.population / AVERAGE_POPULATION)))


@cache
def _centroids() -> dict[str, tuple[str, float, float]]:
    lines = [
        line
        for line in CENTROIDS.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    return {
        row["code"]: (row["name"], float(row["lat"]), float(row["lon"]))
        for row in csv.DictReader(lines)
    }


def territory(municipality: Municipality) -> Territory:
    # The population comes from the code list, like every generator's (the centroid file's
    # column is there for whoever curates the positions).
    town, lat, lon = _centroids()[municipality.code]
    genitive = municipality.label_el.removeprefix("Δήμος ").removeprefix("Δήμου ")
    town_en = municipality.label_en.removeprefix("Municipality of ")
    return Territory(
        municipality.code,
        town,
        town_en,
        genitive,
        municipality.label_el,
        municipality.population,
        lat,
        lon,
    )


def rows_for(place: Territory, scale: float, base: float, minimum: int = 2) -> int:
    return max(minimum, round(base * place.weight * scale))


def nearby(rng: random.Random, place: Territory, km: float) -> tuple[float, float]:
    """A point uniformly in the disc of radius ``km`` around the municipality's position."""
    distance = km * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    lat = place.lat + distance / 111.0 * math.sin(angle)
    lon = place.lon + distance / (111.0 * math.cos(math.radians(place.lat))) * math.cos(angle)
    return lat, lon


def town_radius(place: Territory) -> float:
    """Kilometres around the centre where the town's facilities and stops lie."""
    return 1.2 + 1.6 * place.weight


# --- Greek text and numbers ---------------------------------------------------------------------


STREETS = [
    "Ελευθερίου Βενιζέλου", "25ης Μαρτίου", "Αγίου Νικολάου", "Κολοκοτρώνη", "Ερμού",
    "Ηρώων Πολυτεχνείου", "Μεγάλου Αλεξάνδρου", "Καραϊσκάκη", "Μιαούλη", "Κανάρη",
    "28ης Οκτωβρίου", "Παπαφλέσσα", "Εθνικής Αντιστάσεως", "Δημοκρατίας", "Ειρήνης",
    "Αθηνών", "Κύπρου", "Σμύρνης", "Ίωνος Δραγούμη", "Παύλου Μελά", "Αριστοτέλους",
    "Πλάτωνος", "Σωκράτους", "Ομήρου", "Κοραή", "Ρήγα Φεραίου", "Μάρκου Μπότσαρη",
    "Αγίας Τριάδας", "Αγίου Γεωργίου", "Αγίου Δημητρίου", "Νικηταρά", "Ανδρούτσου",
    "Θεμιστοκλέους", "Περικλέους", "Σολωμού", "Παλαμά", "Καποδιστρίου", "Τσιμισκή",
    "Φιλικής Εταιρείας", "Πατριάρχου Γρηγορίου Ε΄",
]  # fmt: skip
SAINTS = [
    ("Αγίου Νικολάου", "Saint Nicholas"), ("Αγίου Γεωργίου", "Saint George"),
    ("Αγίας Τριάδας", "the Holy Trinity"), ("Αγίου Δημητρίου", "Saint Demetrius"),
    ("Αγίων Αποστόλων", "the Holy Apostles"), ("Παναγίας", "the Virgin Mary"),
    ("Αγίου Αθανασίου", "Saint Athanasius"), ("Αγίας Παρασκευής", "Saint Paraskevi"),
    ("Αγίου Ιωάννη", "Saint John"), ("Αγίων Κωνσταντίνου και Ελένης", "Saints Constantine and Helen"),
]  # fmt: skip
# The three digits that begin the postcodes of each regional unit (241 00 Καλαμάτα).
POSTCODE_PREFIX = {
    "01": "691", "02": "661", "03": "681", "04": "640", "05": "654", "06": "671", "07": "546",
    "08": "591", "09": "611", "10": "582", "11": "601", "12": "621", "13": "631", "14": "501",
    "15": "511", "16": "521", "17": "531", "18": "451", "19": "471", "20": "461", "21": "481",
    "22": "412", "23": "431", "24": "383", "25": "370", "26": "421", "27": "351", "28": "321",
    "29": "341", "30": "361", "31": "331", "32": "491", "33": "291", "34": "283", "35": "281",
    "36": "311", "37": "262", "38": "302", "39": "271", "40": "221", "41": "211", "42": "201",
    "43": "231", "44": "241", "45": "105", "46": "151", "47": "121", "48": "171", "49": "190",
    "50": "192", "51": "185", "52": "189", "53": "811", "54": "833", "55": "814", "56": "831",
    "57": "821", "58": "841", "59": "845", "60": "847", "61": "852", "62": "857", "63": "840",
    "64": "853", "65": "848", "66": "846", "67": "843", "68": "844", "69": "851", "70": "842",
    "71": "712", "72": "721", "73": "741", "74": "731",
}  # fmt: skip


def postcode(rng: random.Random, place: Territory, *, spaced: bool = False) -> str:
    prefix = POSTCODE_PREFIX[place.unit]
    suffix = rng.choice(["00", "00", "31", "32", "33"])
    return f"{prefix} {suffix}" if spaced else prefix + suffix


def street_address(rng: random.Random) -> str:
    number = rng.randint(1, 160)
    if rng.random() < 0.08:
        return f"{rng.choice(STREETS)} {number}-{number + 2}"
    return f"{rng.choice(STREETS)} {number}"


def greek_decimal(value: float | Decimal, places: int = 2, *, thousands: bool = False) -> str:
    """12345.6 -> «12345,60» (or «12.345,60»), as Excel writes numbers in a Greek locale."""
    text = f"{value:,.{places}f}" if thousands else f"{value:.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def capitals(text: str) -> str:
    """Upper case without accents, as Greek signs and GTFS feeds write names («ΠΛΑΤΕΙΑ»)."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0301\u0308"))


def dms(value: float, positive: str, negative: str) -> str:
    """Greek degrees-minutes-seconds as the air-quality registers write them: «40ο 38' 15.62''Ν»."""
    letter = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return f"{degrees}ο {minutes:02d}' {seconds:05.2f}''{letter}"


def delimited(rows: Iterable[Sequence[object]], *, delimiter: str, quote_all: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=delimiter,
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return out.getvalue()


def excel_title_row(text: str, width: int) -> str:
    """A title row of an Excel-saved CSV: the text in the first cell, the others empty."""
    return f'"{text}"' + ";" * (width - 1) + "\r\n"


def zipped(files: dict[str, bytes]) -> bytes:
    """A zip whose entries carry a fixed time (ZipFile.writestr with a name stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def workbook_bytes(workbook: Any) -> bytes:
    """The .xlsx bytes of an openpyxl workbook, made reproducible: openpyxl stamps the save time
    into docProps/core.xml and into every zip entry, so both are replaced by fixed values."""
    stamp = datetime.datetime(*FIXED_TIME)
    workbook.properties.creator = "demoi"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    raw = io.BytesIO()
    workbook.save(raw)
    files = {}
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "docProps/core.xml":
                data = _fixed_modified(data)
            files[name] = data
    return zipped(files)


def _fixed_modified(core: bytes) -> bytes:
    text = core.decode("utf-8")
    start = text.find("<dcterms:modified")
    if start < 0:
        return core
    end = text.find("</dcterms:modified>", start)
    opening = text.index(">", start) + 1
    return (text[:opening] + "2024-09-01T12:00:00Z" + text[end:]).encode("utf-8")


def new_workbook() -> Any:
    import openpyxl  # imported here: only the workbook generators need it

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    return workbook


def put_row(sheet: Any, row: int, cells: Sequence[object], *, wrap: bool = False) -> None:
    from openpyxl.styles import Alignment

    for column, value in enumerate(cells, 1):
        if value is None:
            continue
        cell = sheet.cell(row, column, value)
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


@cache
def _to_egsa87() -> Any:
    from pyproj import Transformer

    # always_xy: (longitude, latitude) in, (easting, northing) out, whatever axis order the
    # EPSG definitions declare.
    return Transformer.from_crs("EPSG:4326", "EPSG:2100", always_xy=True)


def egsa87(lat: float, lon: float) -> tuple[float, float]:
    easting, northing = _to_egsa87().transform(lon, lat)
    return float(easting), float(northing)


# --- places: facilities -------------------------------------------------------------------------


@dataclass(frozen=True)
class FacilityKind:
    category: str  # as the GIS office writes it
    name: str  # template: {gen} genitive of the town, {n} ordinal, {street}
    name_en: str
    capacity: tuple[int, int] | None
    address: bool = True
    municipal: bool = True


ONE_PER_TOWN = [
    FacilityKind("Δημαρχείο", "Δημαρχείο {gen}", "{town} Town Hall", None),
    FacilityKind("Κ.Ε.Π.", "ΚΕΠ {gen}", "{town} Citizen Service Centre", None),
    FacilityKind("Βιβλιοθήκη", "Δημοτική Βιβλιοθήκη {gen}", "{town} Municipal Library", (30, 120)),
    FacilityKind("ΠΛΑΤΕΙΑ", "Κεντρική Πλατεία {gen}", "{town} Central Square", None),
    FacilityKind("Νεκροταφείο", "Κοιμητήριο {gen}", "", None, address=False),
    FacilityKind("Γήπεδο ποδοσφαίρου", "Δημοτικό Στάδιο {gen}", "{town} Municipal Stadium",
                 (800, 6000)),
    FacilityKind("Κλειστό Γυμναστήριο", "Κλειστό Γυμναστήριο {gen}", "{town} Indoor Sports Hall",
                 (300, 2500)),
    FacilityKind("Κοινωνικό παντοπωλείο", "Κοινωνικό Παντοπωλείο {gen}", "", None),
    FacilityKind("Δημοτική Αγορά", "Δημοτική Αγορά {gen}", "{town} Municipal Market", None),
    FacilityKind("Κολυμβητήριο", "Δημοτικό Κολυμβητήριο {gen}", "{town} Municipal Swimming Pool",
                 (150, 600)),
    FacilityKind("Πράσινο σημείο", "Πράσινο Σημείο {gen}", "", None),
]  # fmt: skip
REPEATED = [
    FacilityKind("Παιδικός Σταθμός", "{n}ος Παιδικός Σταθμός {gen}", "", (30, 90)),
    FacilityKind("Δημοτικό Σχολείο", "{n}ο Δημοτικό Σχολείο {gen}", "", None),
    FacilityKind("Νηπιαγωγείο", "{n}ο Νηπιαγωγείο {gen}", "", None),
    FacilityKind("Γυμνάσιο", "{n}ο Γυμνάσιο {gen}", "", None),
    FacilityKind("Λύκειο", "{n}ο Γενικό Λύκειο {gen}", "", None),
    FacilityKind("ΚΑΠΗ", "{n}ο ΚΑΠΗ {gen}", "", None),
    FacilityKind("ΚΔΑΠ", "{n}ο ΚΔΑΠ {gen}", "", (25, 60)),
    FacilityKind("Παιδική χαρά", "Παιδική Χαρά οδού {street}", "", None, address=False),
    FacilityKind("Πάρκο", "Πάρκο {street}", "", None, address=False),
    FacilityKind("ΠΛΑΤΕΙΑ", "Πλατεία {saint}", "", None),
    FacilityKind("Γήπεδο μπάσκετ", "Γήπεδο Καλαθοσφαίρισης {n}", "", (50, 400)),
    FacilityKind("Πολιτιστικό κέντρο", "Πολιτιστικό Κέντρο {street}", "", (80, 300)),
    FacilityKind("Ακτή κολύμβησης", "Παραλία {saint}", "", None, address=False, municipal=False),
    FacilityKind("Άλσος", "Άλσος {saint}", "", None, address=False, municipal=False),
]  # fmt: skip
FACILITY_HEADER = [
    "FID", "ΚΩΔΙΚΟΣ", "ΟΝΟΜΑΣΙΑ", "ΟΝΟΜΑΣΙΑ EN", "ΚΑΤΗΓΟΡΙΑ", "ΔΗΜΟΤΙΚΗ", "ΔΙΕΥΘΥΝΣΗ", "Τ.Κ.",
    "ΠΟΛΗ", "ΔΥΝΑΜΙΚΟΤΗΤΑ", "ΠΡΟΣΒΑΣΗ ΑμεΑ", "ΥΠΕΥΘΥΝΟΣ", "ΤΗΛΕΦΩΝΟ", "X_ΕΓΣΑ", "Y_ΕΓΣΑ",
]  # fmt: skip


# Regional units with no coast: their municipalities get no bathing beaches.
INLAND_UNITS = {"02", "08", "09", "10", "14", "15", "16", "17", "18", "23", "26", "30"}


def facility_kinds(rng: random.Random, place: Territory, count: int) -> list[FacilityKind]:
    kinds = ONE_PER_TOWN[: min(count, len(ONE_PER_TOWN))]
    inland = place.unit in INLAND_UNITS
    choices = [k for k in REPEATED if not (inland and k.category == "Ακτή κολύμβησης")]
    while len(kinds) < count:
        kinds.append(rng.choice(choices))
    return kinds


def facility_row(
    rng: random.Random, place: Territory, kind: FacilityKind, index: int, ordinal: int
) -> list[object]:
    saint = rng.choice(SAINTS)[0]
    street = rng.choice(STREETS)
    name = kind.name.format(gen=place.genitive, n=ordinal, street=street, saint=saint)
    lat, lon = nearby(rng, place, town_radius(place))
    x, y = egsa87(lat, lon)
    capacity = rng.randint(*kind.capacity) if kind.capacity else None
    has_address = kind.address and rng.random() < 0.9
    return [
        index,
        1001 + index,
        name,
        kind.name_en.format(town=place.town_en) if kind.name_en else "",
        kind.category,
        "ΝΑΙ" if kind.municipal else "ΟΧΙ",
        street_address(rng) if has_address else "",
        postcode(rng, place, spaced=rng.random() < 0.15) if has_address else "",
        place.town if has_address else "",
        greek_decimal(capacity, 0, thousands=True) if capacity else "",
        rng.choice(["ΝΑΙ", "ΝΑΙ", "ΝΑΙ", "ΟΧΙ", ""]),
        "",  # the person in charge: the real layers carry it, the demo has no people
        "",
        greek_decimal(x),
        greek_decimal(y),
    ]


@generator("facilities")
def facilities(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    count = rows_for(place, scale, 12, minimum=4)
    ordinals: dict[str, int] = {}
    rows = []
    for index, kind in enumerate(facility_kinds(rng, place, count)):
        ordinals[kind.name] = ordinals.get(kind.name, 0) + 1
        rows.append(facility_row(rng, place, kind, index, ordinals[kind.name]))
    width = len(FACILITY_HEADER)
    text = (
        excel_title_row(f"{capitals(place.label)} - Δ/ΝΣΗ ΤΕΧΝΙΚΩΝ ΥΠΗΡΕΣΙΩΝ - ΓΡΑΦΕΙΟ GIS", width)
        + excel_title_row(
            "Επίπεδο: Δημοτικές εγκαταστάσεις και σημεία ενδιαφέροντος - "
            "Σύστημα συντεταγμένων ΕΓΣΑ87",
            width,
        )
        + ";" * (width - 1)
        + "\r\n"
        # Excel quotes every filled cell and leaves empty ones bare (;;); no value has a quote.
        + delimited([FACILITY_HEADER, *rows], delimiter=";", quote_all=True).replace('""', "")
    )
    return [
        GeneratedSource(
            filename=f"{place.code}-facilities.cp1253.csv",
            content=text.encode("cp1253"),
            mapping="facilities",
        )
    ]


# --- culture: heritage sites --------------------------------------------------------------------


@dataclass(frozen=True)
class SiteKind:
    prefix: str  # code prefix: ΜΝ monuments, ΜΟΥ museums
    kind: str
    name: str
    name_en: str
    designation: str
    municipal_share: float
    hours: tuple[str, ...]


SITE_KINDS = [
    SiteKind("ΜΝ", "Μνημείο", "Ιερός Ναός {saint}", "Church of {saint_en}", "αρχαίο μνημείο", 0,
             ("",)),
    SiteKind("ΜΝ", "Μνημείο", "Βυζαντινός Ναός {saint}", "Byzantine church of {saint_en}",
             "αρχαίο μνημείο", 0, ("", "Καθημερινά 09:00-13:00")),
    SiteKind("ΜΝ", "Μνημείο", "Ηρώο {gen}", "{town} War Memorial", "", 0.8, ("",)),
    SiteKind("ΜΝ", "Μνημείο", "Παλαιό Δημοτικό Σχολείο {gen}", "Old primary school of {town}",
             "νεότερο μνημείο", 0.6, ("",)),
    SiteKind("ΜΝ", "Μνημείο", "Πέτρινο Γεφύρι {saint}", "Stone bridge of {saint_en}",
             "νεότερο μνημείο", 0, ("",)),
    SiteKind("ΜΝ", "Αρχαιολογικός χώρος", "Αρχαιολογικός χώρος {gen}",
             "Archaeological site of {town}", "αρχαιολογικός χώρος", 0,
             ("Τρίτη - Κυριακή 08:30-15:00", "Καθημερινά 08:00-15:00")),
    SiteKind("ΜΟΥ", "Μουσείο", "Λαογραφικό Μουσείο {gen}", "Folklore Museum of {town}", "", 0.5,
             ("Τρίτη-Σάββατο 09:00-14:00", "Καθημερινά 09:00-14:00, Σάββατο 17:00-20:00")),
    SiteKind("ΜΟΥ", "Μουσείο", "Αρχαιολογικό Μουσείο {gen}", "Archaeological Museum of {town}",
             "", 0, ("Τρίτη - Κυριακή 08:30-15:30",)),
    SiteKind("ΜΟΥ", "Πινακοθήκη", "Δημοτική Πινακοθήκη {gen}", "{town} Municipal Art Gallery", "",
             1, ("Δευτέρα - Παρασκευή 09:00-14:00", "Τρίτη-Κυριακή 10:00-14:00")),
]  # fmt: skip
HERITAGE_HEADER = [
    "Κωδικός", "Ονομασία", "Ονομασία (αγγλικά)", "Είδος", "Δημοτικό", "Χαρακτηρισμός",
    "Πράξη κήρυξης", "Ημερομηνία πράξης", "ΦΕΚ", "Οδός", "Τ.Κ.", "Πόλη", "Ώρες λειτουργίας",
    "Γεωγρ. πλάτος", "Γεωγρ. μήκος",
]  # fmt: skip


def declaration(rng: random.Random) -> tuple[str, str, str]:
    """A declaration act of the Ministry of Culture, its date and its Government Gazette issue,
    as the Ongoing Catalogue of the Listed Monuments writes them."""
    day = datetime.date(1962, 1, 1) + datetime.timedelta(days=rng.randint(0, 50 * 365))
    published = day + datetime.timedelta(days=rng.randint(10, 60))
    number = rng.randint(1000, 99999)
    act = f"ΥΠΠΟ/ΑΡΧ/Β1/Φ{rng.randint(1, 60)}/{number}/{rng.randint(100, 999)}/{day:%-d-%-m-%Y}"
    gazette = f"ΦΕΚ Β' {rng.randint(10, 1500)}/{published:%-d.%-m.%Y}"
    return act, f"{day:%-d/%-m/%Y}", gazette


def site_row(
    rng: random.Random, place: Territory, site: SiteKind, code: str, name: str, name_en: str
) -> list[object]:
    lat, lon = nearby(rng, place, town_radius(place) * 2)
    if rng.random() < 0.15:
        latitude, longitude = dms(lat, "Β", "Ν"), dms(lon, "Α", "Δ")
    else:
        latitude, longitude = greek_decimal(lat, 4), greek_decimal(lon, 4)
    act, act_date, gazette = (
        declaration(rng) if site.designation and rng.random() < 0.5 else ("",) * 3
    )
    in_town = rng.random() < 0.7
    return [
        code,
        name,
        name_en,
        site.kind,
        "ΝΑΙ" if rng.random() < site.municipal_share else "ΟΧΙ",
        site.designation,
        act,
        act_date,
        gazette,
        street_address(rng) if in_town else "",
        postcode(rng, place) if in_town else "",
        place.town,
        rng.choice(site.hours),
        latitude,
        longitude,
    ]


@generator("heritage-sites")
def heritage_sites(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    count = rows_for(place, scale, 4, minimum=3)
    numbers: dict[str, int] = {}
    seen: set[str] = set()
    rows: list[list[object]] = []
    while len(rows) < count:
        site = rng.choice(SITE_KINDS)
        saint, saint_en = rng.choice(SAINTS)
        fields = {
            "gen": place.genitive,
            "town": place.town_en,
            "saint": saint,
            "saint_en": saint_en,
        }
        name = site.name.format(**fields)
        if name in seen:
            # Registers of big towns list several churches of one saint, told apart by area.
            name = f"{name} ({rng.choice(STREETS)})"
            if name in seen:
                continue
        seen.add(name)
        numbers[site.prefix] = numbers.get(site.prefix, 0) + 1
        code = f"{site.prefix}{numbers[site.prefix]:02d}"
        rows.append(site_row(rng, place, site, code, name, site.name_en.format(**fields)))
    title = (
        f"{capitals(place.label)} - ΜΝΗΜΕΙΑ, ΑΡΧΑΙΟΛΟΓΙΚΟΙ ΧΩΡΟΙ ΚΑΙ ΜΟΥΣΕΙΑ (ενημέρωση 03/{YEAR})"
    )
    text = title + ";" * (len(HERITAGE_HEADER) - 1) + "\r\n"
    text += delimited([HERITAGE_HEADER, *rows], delimiter=";", quote_all=False)
    return [
        GeneratedSource(
            filename=f"{place.code}-heritage-sites.cp1253.csv",
            content=text.encode("cp1253"),
            mapping="heritage-sites",
        )
    ]


# --- culture: events ----------------------------------------------------------------------------

PLAYS = ["Αντιγόνη", "Λυσιστράτη", "Όρνιθες", "Ο Βυσσινόκηπος", "Ο Γλάρος", "Η Φόνισσα",
         "Ερωφίλη", "Ο Βασιλικός", "Η Τύχη της Μαρούλας", "Βάτραχοι", "Ηλέκτρα", "Ο Αγαπητικός της Βοσκοπούλας"]  # fmt: skip
EXHIBITIONS = ["ζωγραφικής", "φωτογραφίας", "χαρακτικής", "γλυπτικής", "κεραμικής",
               "ιστορικών φωτογραφιών της πόλης", "παιδικού σχεδίου"]  # fmt: skip
FILMS = ["Ο Θίασος", "Στέλλα", "Το Κορίτσι με τα Μαύρα", "Ποτέ την Κυριακή", "Η Κάλπικη Λίρα",
         "Ματωμένο Ηλιοβασίλεμα", "Ο Δράκος", "Ρεμπέτικο"]  # fmt: skip
EVENT_KINDS = [
    ("Συναυλία", "Συναυλία της Φιλαρμονικής {of}", "Concert of the {town} Philharmonic"),
    ("Συναυλία", "Συναυλία χορωδιών στην πλατεία", "Choir concert on the square"),
    ("Θέατρο", "Θεατρική παράσταση «{play}»", ""),
    ("Έκθεση", "Έκθεση {exhibition}", ""),
    ("Κινηματογραφική προβολή", "Θερινό σινεμά: «{film}»", ""),
    ("Παράσταση χορού", "Παράσταση παραδοσιακών χορών", "Traditional dance performance"),
    ("Λόγος", "Ομιλία για την τοπική ιστορία", "Talk on local history"),
    ("Καρναβάλι", "Καρναβαλική παρέλαση", "Carnival parade"),
]  # fmt: skip
EVENT_HEADER = [
    "Κωδικός", "Τίτλος", "Τίτλος (αγγλικά)", "Είδος", "Ημερομηνία έναρξης", "Ώρα έναρξης",
    "Ημερομηνία λήξης", "Ώρα λήξης", "Χώρος", "Ελεύθερη είσοδος", "Διοργανωτής", "Περιγραφή",
    "Στο πλαίσιο",
]  # fmt: skip
DESCRIPTIONS = {
    "Συναυλία": "Συναυλία με ελεύθερη είσοδο για όλες τις ηλικίες.",
    "Θέατρο": "Θεατρική παράσταση από τη δημοτική θεατρική ομάδα.",
    "Έκθεση": "Έκθεση έργων τοπικών δημιουργών, ανοιχτή καθημερινά.",
    "Κινηματογραφική προβολή": "Προβολή κλασικής ελληνικής ταινίας στο θερινό σινεμά.",
    "Παράσταση χορού": "Παράσταση των χορευτικών τμημάτων του δήμου.",
    "Λόγος": "Ομιλία με θέμα την ιστορία και τα μνημεία του τόπου.",
    "Καρναβάλι": "Η παρέλαση των αρμάτων και των καρναβαλικών ομάδων.",
    "Φεστιβάλ": "Ετήσιο καλοκαιρινό φεστιβάλ με συναυλίες, θέατρο και προβολές.",
}


def venues(place: Territory) -> list[str]:
    return [
        "Κεντρική Πλατεία",
        f"Δημοτικό Θέατρο {place.genitive}",
        f"Πνευματικό Κέντρο {place.genitive}",
        f"Δημοτική Πινακοθήκη {place.genitive}",
        "Θερινός Δημοτικός Κινηματογράφος",
        f"Αύλειος χώρος του 1ου Δημοτικού Σχολείου {place.genitive}",
    ]


def organisers(place: Territory) -> list[str]:
    return [
        place.label,
        place.label,
        f"Φιλαρμονική {place.label.replace('Δήμος', 'Δήμου')}",
        f"Πολιτιστικός Σύλλογος {place.genitive}",
        f"Κέντρο Πολιτισμού {place.label.replace('Δήμος', 'Δήμου')}",
        f"Σύλλογος Γυναικών {place.genitive}",
    ]


def event_time(rng: random.Random) -> str:
    hour, minute = rng.choice([(11, 0), (18, 0), (19, 30), (20, 0), (20, 30), (21, 0), (21, 30)])
    style = rng.random()
    if style < 0.1:
        return f"{hour - 12 if hour > 12 else hour}:{minute:02d} {'μ.μ.' if hour >= 12 else 'π.μ.'}"
    if style < 0.2:
        return f"{hour}.{minute:02d}"
    return f"{hour}:{minute:02d}"


def event_date(day: datetime.date, rng: random.Random) -> str:
    return f"{day:%d/%m/%Y}" if rng.random() < 0.3 else f"{day.day}/{day.month}/{day.year}"


def event_row(
    rng: random.Random, place: Territory, code: str, parent: str, day: datetime.date
) -> list[object]:
    kind, title, title_en = rng.choice(EVENT_KINDS)
    of = place.label.replace("Δήμος", "Δήμου")
    fields = {"of": of, "town": place.town_en, "play": rng.choice(PLAYS),
              "exhibition": rng.choice(EXHIBITIONS), "film": rng.choice(FILMS)}  # fmt: skip
    ends = kind == "Έκθεση"
    end_day = day + datetime.timedelta(days=rng.randint(5, 20)) if ends else None
    return [
        code,
        title.format(**fields),
        title_en.format(**fields),
        kind,
        event_date(day, rng),
        "" if ends else event_time(rng),
        event_date(end_day, rng) if end_day else "",
        "",
        rng.choice(venues(place)),
        rng.choice(["ΝΑΙ", "ΝΑΙ", "Ελεύθερη", "ΟΧΙ", f"Εισιτήριο {rng.choice([5, 8, 10, 15])} €"]),
        rng.choice(organisers(place)),
        DESCRIPTIONS[kind],
        parent,
    ]


def festival_row(place: Territory, code: str, start: datetime.date) -> list[object]:
    end = start + datetime.timedelta(days=9)
    return [
        code,
        f"Καλοκαιρινό Φεστιβάλ {place.genitive} {YEAR}",
        f"{place.town_en} Summer Festival {YEAR}",
        "Φεστιβάλ",
        f"{start.day}/{start.month}/{YEAR}",
        "",
        f"{end.day}/{end.month}/{YEAR}",
        "",
        "Κεντρική Πλατεία",
        "ΝΑΙ",
        place.label,
        DESCRIPTIONS["Φεστιβάλ"],
        "",
    ]


@generator("cultural-events")
def cultural_events(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    count = rows_for(place, scale, 7, minimum=3)
    festival_start = datetime.date(YEAR, 7, rng.randint(1, 20))
    rows = [festival_row(place, "E01", festival_start)]
    for number in range(2, count + 1):
        in_festival = number <= 1 + max(1, count // 4)
        if in_festival:
            day = festival_start + datetime.timedelta(days=rng.randint(0, 9))
        else:
            day = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        rows.append(event_row(rng, place, f"E{number:02d}", "E01" if in_festival else "", day))
    width = len(EVENT_HEADER)
    title = f"{capitals(place.label)} - ΑΝΤΙΔΗΜΑΡΧΙΑ ΠΟΛΙΤΙΣΜΟΥ - ΠΡΟΓΡΑΜΜΑ ΕΚΔΗΛΩΣΕΩΝ {YEAR}"
    text = title + ";" * (width - 1) + "\r\n" + ";" * (width - 1) + "\r\n"
    text += delimited([EVENT_HEADER, *rows], delimiter=";", quote_all=False)
    return [
        GeneratedSource(
            filename=f"{place.code}-{YEAR}-events.utf8.csv",
            content=text.encode("utf-8-sig"),
            mapping="cultural-events",
            parameters={"year": str(YEAR)},
        )
    ]


# --- services: the catalogue --------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceKind:
    title: str
    title_en: str
    body: str
    level: int
    online: str  # path on the municipality's site, or "" when there is no e-service
    cost: str | list[dict[str, str]]
    time: str
    deadline: str
    law: list[str]
    evidence: list[str]
    output: str


SERVICES = [
    ServiceKind("Χορήγηση άδειας χρήσης κοινόχρηστου χώρου", "Permit to use public space",
                "<p>Άδεια για την τοποθέτηση τραπεζοκαθισμάτων σε πεζοδρόμιο ή πλατεία μπροστά από κατάστημα.</p>",
                2, "e-services/koinoxrista", "{fee},00 € ανά τ.μ. και έτος", "20 εργάσιμες ημέρες",
                "50 ημέρες", ["ν. 1080/1980, άρθρο 3", "ν. 3463/2006"],
                ["Αίτηση με σκαρίφημα του χώρου", "Βεβαίωση μη οφειλής προς τον δήμο (αναζητείται αυτεπάγγελτα)"],
                "Άδεια χρήσης κοινόχρηστου χώρου"),
    ServiceKind("Έκδοση πιστοποιητικού οικογενειακής κατάστασης", "Family status certificate",
                "<p>Πιστοποιητικό με τα μέλη της οικογένειας όπως είναι εγγεγραμμένα στο δημοτολόγιο.</p>",
                3, "e-services/pistopoiitika", "Δωρεάν", "10 λεπτά", "", ["ν. 3463/2006"], [],
                "Πιστοποιητικό οικογενειακής κατάστασης"),
    ServiceKind("Βεβαίωση μόνιμης κατοικίας", "Certificate of permanent residence",
                "Βεβαίωση ότι ο αιτών κατοικεί μόνιμα στον δήμο.", 2, "e-services/vevaiosi-katoikias",
                "Δωρεάν", "Αυθημερόν", "", ["ν. 3463/2006, άρθρο 75"],
                ["Αστυνομική ταυτότητα ή διαβατήριο", "Λογαριασμός ΔΕΚΟ στο όνομα του αιτούντος"],
                "Βεβαίωση μόνιμης κατοικίας"),
    ServiceKind("Μεταδημότευση", "Transfer of municipal registration",
                "<p>Μεταφορά της εγγραφής στο δημοτολόγιο από άλλον δήμο.</p>", 1, "", "",
                "2 μήνες", "", ["ν. 3463/2006", "π.δ. 497/1991"],
                ["Αίτηση μεταδημότευσης", "Πιστοποιητικό οικογενειακής κατάστασης (αναζητείται αυτεπάγγελτα)"],
                "Πιστοποιητικό εγγραφής στο δημοτολόγιο"),
    ServiceKind("Εγγραφή σε δημοτικό παιδικό σταθμό", "Enrolment in a municipal day nursery",
                "<p>Αίτηση για θέση σε βρεφικό ή παιδικό σταθμό του δήμου.</p>", 2,
                "e-services/paidikoi-stathmoi",
                [{"ποσό": "0", "περιγραφή": "Δωρεάν για οικογένειες με εισόδημα έως 20.000 €"},
                 {"ποσό": "{fee},00", "περιγραφή": "Μηνιαία συμμετοχή για οικογένειες με εισόδημα πάνω από 20.000 €"}],
                "", "30 ημέρες", ["ΚΥΑ 41087/2017"],
                ["Αίτηση εγγραφής", "Βιβλιάριο υγείας του παιδιού"], "Απόφαση εγγραφής"),
    ServiceKind("Γνωστοποίηση λειτουργίας καταστήματος υγειονομικού ενδιαφέροντος",
                "Notification of a food business", "<p>Γνωστοποίηση λειτουργίας καφετέριας, εστιατορίου ή κυλικείου.</p>",
                3, "e-services/gnostopoiisi",
                [{"ποσό": "{fee}0,00", "περιγραφή": "Παράβολο υπέρ του δήμου"}], "30 ημέρες", "",
                ["ν. 4442/2016"], [], "Βεβαίωση γνωστοποίησης"),
    ServiceKind("Αίτηση αποκομιδής ογκωδών αντικειμένων", "Collection of bulky waste",
                "<p>Δωρεάν αποκομιδή επίπλων, στρωμάτων και ηλεκτρικών συσκευών από το πεζοδρόμιο.</p>",
                2, "e-services/ogkodi", "Δωρεάν", "5 εργάσιμες ημέρες", "", ["ν. 3463/2006"], [],
                "Προγραμματισμός αποκομιδής"),
    ServiceKind("Εγγραφή στα αθλητικά προγράμματα του δήμου", "Enrolment in municipal sports programmes",
                "<p>Εγγραφή παιδιών και ενηλίκων στα προγράμματα μαζικού αθλητισμού.</p>", 2,
                "e-services/athlitismos", "{fee},00 € ανά μήνα", "10 ημέρες", "",
                ["ν. 2725/1999"], ["Αίτηση εγγραφής", "Ιατρική βεβαίωση"], "Βεβαίωση εγγραφής"),
    ServiceKind("Άδεια κατάληψης πεζοδρομίου για οικοδομικές εργασίες", "Permit to occupy the pavement for building works",
                "<p>Άδεια για την προσωρινή τοποθέτηση υλικών ή ικριωμάτων σε πεζοδρόμιο.</p>", 1, "",
                "{fee},00 € ανά τ.μ. και μήνα", "15 εργάσιμες ημέρες", "50 ημέρες",
                ["ν. 1080/1980"], ["Αίτηση", "Οικοδομική άδεια (αναζητείται αυτεπάγγελτα)"],
                "Άδεια κατάληψης πεζοδρομίου"),
    ServiceKind("Έκδοση άδειας στάθμευσης μόνιμου κατοίκου", "Residents' parking permit",
                "<p>Κάρτα στάθμευσης για τους μόνιμους κατοίκους της ελεγχόμενης ζώνης.</p>", 3,
                "e-services/stathmeusi", "{fee},00 € ανά έτος", "Αυθημερόν", "",
                ["ν. 3463/2006", "ν. 2696/1999"], ["Άδεια κυκλοφορίας του οχήματος"],
                "Κάρτα στάθμευσης μόνιμου κατοίκου"),
    ServiceKind("Αίτηση για κοπή δέντρου", "Request to fell a tree",
                "<p>Άδεια για την κοπή ή το κλάδεμα δέντρου σε ιδιωτικό ή κοινόχρηστο χώρο.</p>", 1, "",
                "Δωρεάν", "20 ημέρες", "", ["ν. 3463/2006"], ["Αίτηση", "Φωτογραφίες του δέντρου"],
                "Άδεια κοπής δέντρου"),
    ServiceKind("Χορήγηση βεβαίωσης μη οφειλής", "Certificate of no debt to the municipality",
                "<p>Βεβαίωση ότι δεν υπάρχουν οφειλές προς τον δήμο, για συμβολαιογραφικές πράξεις.</p>",
                3, "e-services/mi-ofeili", "Δωρεάν", "1 ημέρα", "", ["ν. 4172/2013"], [],
                "Βεβαίωση μη οφειλής"),
    ServiceKind("Αίτηση σύνδεσης με το δίκτυο ύδρευσης", "Connection to the water supply",
                "<p>Νέα παροχή νερού για κατοικία ή επαγγελματικό χώρο.</p>", 2, "e-services/ydrefsi",
                "{fee}0,00 € τέλος σύνδεσης", "30 ημέρες", "", ["ν. 1069/1980"],
                ["Αίτηση", "Οικοδομική άδεια (αναζητείται αυτεπάγγελτα)", "Τοπογραφικό διάγραμμα"],
                "Σύνδεση με το δίκτυο ύδρευσης"),
    ServiceKind("Εγγραφή στο Κοινωνικό Παντοπωλείο", "Registration with the social grocery",
                "<p>Ένταξη οικογενειών με χαμηλό εισόδημα στους ωφελούμενους του Κοινωνικού Παντοπωλείου.</p>",
                1, "", "Δωρεάν", "15 ημέρες", "", ["ν. 4368/2016"],
                ["Αίτηση", "Εκκαθαριστικό σημείωμα εφορίας (αναζητείται αυτεπάγγελτα)"],
                "Απόφαση ένταξης"),
    ServiceKind("Εγγραφή σε ΚΑΠΗ", "Membership of an open care centre for the elderly",
                "<p>Εγγραφή ηλικιωμένων μελών στα Κέντρα Ανοιχτής Προστασίας Ηλικιωμένων.</p>", 1, "",
                "Δωρεάν", "Αυθημερόν", "", ["ν. 3463/2006"], ["Αίτηση", "Αστυνομική ταυτότητα"],
                "Κάρτα μέλους ΚΑΠΗ"),
    ServiceKind("Δήλωση γέννησης", "Registration of a birth",
                "<p>Καταχώριση της γέννησης παιδιού στο ληξιαρχείο του δήμου.</p>", 2,
                "e-services/lixiarxeio", "Δωρεάν", "1 ημέρα", "10 ημέρες", ["ν. 344/1976"],
                ["Βεβαίωση γέννησης από το μαιευτήριο"], "Ληξιαρχική πράξη γέννησης"),
    ServiceKind("Ενοικίαση αίθουσας δημοτικού κτιρίου", "Hire of a municipal hall",
                "<p>Παραχώρηση αίθουσας για εκδηλώσεις συλλόγων και φορέων.</p>", 1, "",
                "{fee}0,00 € ανά ημέρα", "10 εργάσιμες ημέρες", "", ["ν. 3463/2006"],
                ["Αίτηση με την περιγραφή της εκδήλωσης"], "Απόφαση παραχώρησης"),
    ServiceKind("Υποβολή αιτήματος βελτίωσης της πόλης", "Report a problem in the town",
                "<p>Αναφορά για λακκούβες, φθαρμένο φωτισμό, ανακύκλωση και πράσινο.</p>", 3,
                "e-services/aitimata", "Δωρεάν", "5 εργάσιμες ημέρες", "", ["ν. 3463/2006"], [],
                "Ενημέρωση για την εξέλιξη του αιτήματος"),
]  # fmt: skip


def service_node(
    rng: random.Random, place: Territory, kind: ServiceKind, nid: int
) -> dict[str, Any]:
    fee = str(rng.randint(2, 9))
    channels: list[Any] = []
    if kind.online:
        channels.append({"type": "Ηλεκτρονικά", "url": f"https://{place.domain}/{kind.online}"})
    hours = f"Στο δημαρχείο {place.genitive}, τις εργάσιμες ημέρες 08:00-14:00."
    channels.append(rng.choice(["ΚΕΠ", {"type": "Αυτοπρόσωπα", "description": hours}]))
    cost: Any = kind.cost
    if isinstance(cost, str):
        cost = cost.replace("{fee}", fee)
    else:
        cost = [{key: value.replace("{fee}", fee) for key, value in part.items()} for part in cost]
    node: dict[str, Any] = {
        "nid": f"{nid:03d}",
        "title": kind.title,
        "title_en": kind.title_en,
        "body": kind.body,
        "field_epipedo": rng.choice([f"Επίπεδο {kind.level}", str(kind.level)]),
        "field_kanalia": channels,
        "field_xronos": kind.time,
        "field_nomothesia": kind.law if len(kind.law) > 1 or rng.random() < 0.5 else kind.law[0],
        "field_mitos": str(rng.randint(100000, 999999)),
        "field_apotelesma": kind.output,
        # The employee in charge: real exports name a person, the demo names nobody.
        "field_ypeythynos": "",
        "changed": str(1704067200 + rng.randint(0, 200) * 86400),
    }
    if cost:
        node["field_kostos"] = cost
    if kind.deadline:
        node["field_prothesmia"] = kind.deadline
    if kind.evidence:
        node["field_dikaiologitika"] = kind.evidence
    return {"node": node}


@generator("service-catalogue")
def service_catalogue(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    count = min(len(SERVICES), rows_for(place, scale, 4, minimum=3))
    kinds = rng.sample(SERVICES, count)
    nids = sorted(rng.sample(range(1, 200), count))
    export = {
        "view": "ypiresies",
        "generated": f"{YEAR}-05-14T10:22:31+03:00",
        "nodes": [
            service_node(rng, place, kind, nid) for kind, nid in zip(kinds, nids, strict=True)
        ],
    }
    # PHP's json_encode defaults: \uXXXX escapes for Greek and an escaped slash.
    text = json.dumps(export, ensure_ascii=True, indent=4).replace("/", "\\/")
    return [
        GeneratedSource(
            filename=f"{place.code}-services.json",
            content=text.encode("utf-8"),
            mapping="service-catalogue",
        )
    ]


# --- environment: waste quantities --------------------------------------------------------------

MONTHS = ["Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος",
          "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"]  # fmt: skip
# (long-layout label, wide-layout header, tonnes per resident and month, minimum population):
# mixed waste about 0.033 t per resident and month (ΕΟΑΝ averages), the other streams shares of it.
WASTE_STREAMS = [
    ("Σύμμεικτα", "ΣΥΜΜΕΙΚΤΑ\n(ΠΡΑΣΙΝΟΣ ΚΑΔΟΣ)", 0.033, 0),
    ("Ανακυκλώσιμα/μπλε κάδος", "ΑΝΑΚΥΚΛΩΣΙΜΑ\n(ΜΠΛΕ ΚΑΔΟΣ)", 0.0025, 0),
    ("Γυαλί", "ΓΥΑΛΙ\n(ΚΑΜΠΑΝΕΣ)", 0.0003, 8000),
    ("Οργανικά/καφέ κάδος", "ΟΡΓΑΝΙΚΑ\n(ΚΑΦΕ ΚΑΔΟΣ)", 0.0014, 20000),
    ("Κλαδέματα", "ΚΛΑΔΕΜΑΤΑ", 0.002, 0),
    ("Ογκώδη", "ΟΓΚΩΔΗ", 0.0004, 40000),
]  # fmt: skip
# Summer doubles the waste of tourist places; the factor per month is mild for the average town.
SEASON = [0.92, 0.88, 0.95, 0.98, 1.0, 1.06, 1.16, 1.2, 1.06, 1.0, 0.94, 1.0]


def waste_amounts(
    rng: random.Random, place: Territory, months: int
) -> list[tuple[str, str, list[float]]]:
    streams = [s for s in WASTE_STREAMS if place.population >= s[3]]
    found = []
    for label, header, per_resident, _ in streams:
        base = per_resident * place.population * rng.uniform(0.8, 1.2)
        amounts = [round(base * SEASON[m] * rng.uniform(0.93, 1.07), 2) for m in range(months)]
        found.append((label, header, amounts))
    return found


def waste_sheet_long(
    sheet: Any, place: Territory, year: int, streams: list[Any], months: int
) -> None:
    sheet.cell(1, 1, capitals(place.label))
    sheet.cell(2, 1, f"Τμήμα Ανακύκλωσης - Μηνιαίες ποσότητες αποβλήτων {year}")
    put_row(sheet, 4, ["Μήνας", "Ρεύμα αποβλήτων", "Ποσότητα (τόνοι)", "Εγκατάσταση παραλαβής",
                       "Παρατηρήσεις"], wrap=True)  # fmt: skip
    row = 5
    grand = 0.0
    for month in range(months):
        block = 0.0
        for index, (label, _, amounts) in enumerate(streams):
            amount = amounts[month]
            # Some quantities typed in as Greek text, as in the departments' sheets.
            cell: object = greek_decimal(amount, thousands=True) if month % 3 == 1 else amount
            facility = f"ΚΔΑΥ {place.genitive}" if index in (1, 2) else f"ΜΕΑ {place.genitive}"
            put_row(sheet, row, [MONTHS[month] if index == 0 else None, label, cell, facility])
            block += amount
            row += 1
        put_row(sheet, row, [None, f"Σύνολο {MONTHS[month]}", round(block, 2)])
        grand += block
        row += 1
    put_row(sheet, row, ["ΓΕΝΙΚΟ ΣΥΝΟΛΟ", None, round(grand, 2)])
    put_row(sheet, row + 2, [None, None, None, f"{place.town}, 10/01/{year + 1}"])
    put_row(sheet, row + 3, [None, None, None, "Ο Συντάξας"])


def waste_sheet_wide(
    sheet: Any, place: Territory, year: int, streams: list[Any], months: int
) -> None:
    sheet.cell(1, 1, capitals(place.label))
    sheet.cell(2, 1, "ΔΙΕΥΘΥΝΣΗ ΠΕΡΙΒΑΛΛΟΝΤΟΣ ΚΑΙ ΚΑΘΑΡΙΟΤΗΤΑΣ")
    sheet.cell(3, 1, f"ΠΟΣΟΤΗΤΕΣ ΑΠΟΒΛΗΤΩΝ ΕΤΟΥΣ {year} (σε τόνους)")
    put_row(sheet, 5, ["ΜΗΝΑΣ", *[header for _, header, _ in streams], "ΣΥΝΟΛΟ"], wrap=True)
    for month in range(months):
        amounts = [amounts[month] for _, _, amounts in streams]
        put_row(sheet, 6 + month, [capitals(MONTHS[month]), *amounts, round(sum(amounts), 2)])
    totals = [round(sum(amounts[:months]), 2) for _, _, amounts in streams]
    put_row(sheet, 6 + months, ["ΣΥΝΟΛΟ", *totals, round(sum(totals), 2)])
    put_row(sheet, 8 + months, [None, None, None, None, f"{place.town}, 31/01/{year + 1}"])
    put_row(sheet, 9 + months, [None, None, None, None, "Ο Προϊστάμενος Τμήματος"])


@generator("waste-quantities")
def waste_quantities(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    """One workbook per year, the current one filled from January to the last month reported;
    more months (and earlier, full years) for bigger municipalities and scales."""
    place = territory(municipality)
    total = max(2, round(3 * place.weight * scale))
    years = math.ceil(total / 12)
    sources = []
    for year in range(YEAR - years + 1, YEAR + 1):
        months = total - 12 * (years - 1) if year == YEAR else 12
        workbook = new_workbook()
        streams = waste_amounts(rng, place, months)
        layout = waste_sheet_wide if rng.random() < 0.4 else waste_sheet_long
        layout(workbook.create_sheet(str(year)), place, year, streams, months)
        sources.append(
            GeneratedSource(
                filename=f"{place.code}-waste-{year}.xlsx",
                content=workbook_bytes(workbook),
                mapping="waste-quantities",
                parameters={"year": str(year)},
                sheet=str(year),
            )
        )
    return sources


# --- environment: air quality -------------------------------------------------------------------

# (pollutant header, unit header, typical daily mean in a Greek town, spread)
POLLUTANTS = [
    ("SO2", "μg/m3", 6.0, 3.0), ("PM10", "μg/m3", 32.0, 12.0), ("PM2,5", "μg/m3", 18.0, 7.0),
    ("CO", "mg/m3", 0.6, 0.3), ("NO", "μg/m3", 25.0, 15.0), ("NO2", "μg/m3", 35.0, 12.0),
    ("O3", "μg/m3", 60.0, 20.0),
]  # fmt: skip
STATION_KINDS = [
    ("Αστικός -\n Κυκλοφορίας", "Κέντρο πόλης (σημείο κυκλοφοριακής αιχμής)"),
    ("Αστικός -\n Υποβάθρου", "Πυκνοκατοικημένη περιοχή"),
    ("Προαστιακός -\n Υποβάθρου", "Περιαστική περιοχή"),
]
REGISTER_HEADER = ["Α/Α", "Όνομα\nΣυμβολή οδών", "Έναρξη\nΛειτουργίας (Έτος)",
                   "Γεωγραφικό\nΜήκος", "Γεωγραφικό\nΠλάτος", "Υψόμετρο\nm-asl",
                   "Χαρακτηρισμός", "Παρατηρήσεις"]  # fmt: skip


def station_count(place: Territory) -> int:
    return 1 + (place.population > 150_000) + (place.population > 400_000)


def station_sheet(
    sheet: Any,
    rng: random.Random,
    title: str,
    pollutants: list[Any],
    start: datetime.date,
    days: int,
) -> None:
    headers = [f"{name}\n{unit}" for name, unit, _, _ in pollutants]
    put_row(sheet, 1, [title, "A.A.", "Ημερο -\nμηνία", "Ημέρα", *headers], wrap=True)
    row = 2
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        marker = f"ΕΤΟΣ {day.year}" if offset == 0 or (day.month, day.day) == (1, 1) else None
        values: list[object] = []
        for _, unit, typical, spread in pollutants:
            if rng.random() < 0.04:
                values.append("#")  # the analyser gave no value that day
                continue
            value = max(0.1 if unit == "mg/m3" else 1.0, rng.gauss(typical, spread))
            values.append(round(value, 1) if unit == "mg/m3" else round(value))
        number = (day - datetime.date(1989, 1, 1)).days + 1
        put_row(sheet, row, [marker, number, day, day, *values])
        sheet.cell(row, 3).number_format = "dd/mm/yyyy"
        sheet.cell(row, 4).number_format = "dddd"
        row += 1


@generator("air-quality-daily")
def air_quality_daily(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    days = rows_for(place, scale, 3, minimum=3)
    start = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randint(0, 300))
    workbook = new_workbook()
    register = workbook.create_sheet("Χαρακτηριστικά Σταθμών")
    network = place.label.replace("Δήμος", "του Δήμου")
    register.cell(2, 1, f"Χαρακτηριστικά Σταθμών Ελέγχου Ατμοσφαιρικής Ρύπανσης {network}")
    register.cell(5, 4, "Θέση")
    put_row(register, 6, REGISTER_HEADER, wrap=True)
    streets = rng.sample(STREETS, station_count(place))
    for index, street in enumerate(streets):
        lat, lon = nearby(rng, place, town_radius(place))
        area, remark = STATION_KINDS[index % len(STATION_KINDS)]
        word = capitals(street.split()[-1])
        put_row(register, 7 + index, [
            index + 1, f"Σταθμός οδού {street}", rng.randint(1990, 2018),
            dms(lon, "Ε", "W"), dms(lat, "Ν", "S"), round(rng.uniform(5, 120), 1), area, remark,
        ])  # fmt: skip
        full = index == 0 and place.population > 50_000
        count = len(POLLUTANTS) if full else rng.randint(3, 5)
        pollutants = sorted(rng.sample(POLLUTANTS, count), key=POLLUTANTS.index)
        title = f"Στ. Ατμοσφαιρικής\nΡύπανσης\n οδού {street}"
        station_sheet(
            workbook.create_sheet(f"Στ. {word}"[:31]), rng, title, pollutants, start, days
        )
    return [
        GeneratedSource(
            filename=f"{place.code}-air-quality.xlsx",
            content=workbook_bytes(workbook),
            mapping="air-quality-daily",
        )
    ]


# --- mobility: parking occupancy ----------------------------------------------------------------


def instant(moment: datetime.datetime, rng: random.Random) -> str:
    jitter = (
        datetime.timedelta(milliseconds=rng.randint(0, 140_000))
        if rng.random() < 0.3
        else datetime.timedelta()
    )
    stamp = moment + jitter
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}+00:00"


def car_park(rng: random.Random, place: Territory, number: int, instants: int) -> dict[str, Any]:
    total = rng.choice([60, 80, 120, 150, 200, 250, 320, 400])
    start = datetime.datetime(YEAR, 5, 6, 6, 0)
    index, free, occupied = [], [], []
    share = rng.uniform(0.3, 0.6)
    for step in range(instants):
        index.append(instant(start + datetime.timedelta(minutes=15 * step), rng))
        share = min(0.98, max(0.05, share + rng.uniform(-0.04, 0.08)))
        taken = round(total * share)
        fault = rng.random() < 0.03
        occupied.append(-1.0 if fault else float(taken))
        free.append(None if rng.random() < 0.03 else float(total - taken))
    entity = f"urn:ngsi-ld:OffStreetParking:{slug(place.town_en)}:P{number:02d}"
    return {
        "entityId": entity,
        "index": index,
        "attributes": [
            {"attrName": "availableSpotNumber", "values": free},
            {"attrName": "occupiedSpotNumber", "values": occupied},
            {"attrName": "status", "values": ["open"] * instants},
            {"attrName": "totalSpotNumber", "values": [float(total)] * instants},
        ],
    }


@generator("parking-occupancy")
def parking_occupancy(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    parks = min(8, 1 + place.population // 50_000)
    instants = max(2, round(8 * place.weight * scale / parks))
    export = {
        "entityType": "OffStreetParking",
        "entities": [car_park(rng, place, number, instants) for number in range(1, parks + 1)],
    }
    return [
        GeneratedSource(
            filename=f"{place.code}-parking-quantumleap-{YEAR}-05-06.json",
            content=json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8"),
            mapping="parking-occupancy",
        )
    ]


# --- mobility: GTFS -----------------------------------------------------------------------------

STOP_NAMES = ["Πλατεία {saint}", "Δημαρχείο", "Νοσοκομείο", "ΚΤΕΛ", "Λιμάνι", "Δημοτική Αγορά",
              "Σχολεία", "Γήπεδο", "Νεκροταφείο", "Στάδιο", "Κέντρο Υγείας", "Εκκλησία {saint}",
              "{street}", "Βιομηχανική Περιοχή", "Πανεπιστήμιο", "Παραλία"]  # fmt: skip
ROUTE_COLOURS = ["0066CC", "E30613", "009640", "F39200", "7B2481", "00A0DF", "A05A2C", "333333"]


def gtfs_text(rows: Iterable[Sequence[object]], *, bom: bool) -> bytes:
    text = delimited(rows, delimiter=",", quote_all=False)
    return text.encode("utf-8-sig" if bom else "utf-8")


def gtfs_stops(rng: random.Random, place: Territory, count: int) -> list[list[object]]:
    stops: list[list[object]] = []
    names: set[str] = set()
    while len(stops) < count:
        name = rng.choice(STOP_NAMES).format(
            saint=rng.choice(SAINTS)[0], street=rng.choice(STREETS)
        )
        if name in names:
            name = f"{name} {len(stops) + 1}"
        names.add(name)
        lat, lon = nearby(rng, place, town_radius(place) * 1.5)
        stop_id = str(101 + len(stops))
        accessible = rng.choice(["1", "1", "2", ""])
        lat_text, lon_text = f"{lat:.5f}", f"{lon:.5f}"
        if rng.random() < 0.03:
            lat_text, lon_text = lat_text.replace(".", ","), lon_text.replace(".", ",")
        stops.append([stop_id, stop_id, capitals(name), lat_text, lon_text, "0", "", accessible])
    return stops


@generator("gtfs-stops-routes")
def gtfs_stops_routes(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    place = territory(municipality)
    routes = min(12, max(1, round(place.population / 40_000 + 0.5)))
    stops = gtfs_stops(rng, place, rows_for(place, scale, 9, minimum=4))
    folder = f"{slug(place.town_en)}-urban-gtfs"
    route_rows, trip_rows, time_rows = [], [], []
    for number in range(1, routes + 1):
        calls = rng.sample(stops, min(len(stops), rng.randint(4, 10)))
        first, last = calls[0][2], calls[-1][2]
        route_type = "704" if rng.random() < 0.3 else "3"
        colour = ROUTE_COLOURS[(number - 1) % len(ROUTE_COLOURS)]
        route_rows.append([number, "DEM", number, f"{first} – {last}", "", route_type,
                           f"#{colour}" if rng.random() < 0.2 else colour, "FFFFFF"])  # fmt: skip
        for direction, sequence in enumerate((calls, calls[::-1])):
            hour = 6 + rng.randint(0, 2)
            trip = f"{number}-{hour:02d}{direction}0"
            trip_rows.append([number, "WD", trip, sequence[-1][2], direction])
            for position, stop in enumerate(sequence, 1):
                minute = 4 * (position - 1)
                clock = f"{hour + minute // 60:02d}:{minute % 60:02d}:00"
                time_rows.append([trip, clock, clock, stop[0], position])
    files = {
        f"{folder}/agency.txt": gtfs_text(
            [
                ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"],
                [
                    "DEM",
                    f"Αστική Συγκοινωνία {place.genitive}",
                    f"https://{place.domain}",
                    "Europe/Athens",
                    "el",
                ],
            ],
            bom=False,
        ),  # fmt: skip
        f"{folder}/stops.txt": gtfs_text(
            [
                [
                    "stop_id",
                    "stop_code",
                    "stop_name",
                    "stop_lat",
                    "stop_lon",
                    "location_type",
                    "parent_station",
                    "wheelchair_boarding",
                ],
                *stops,
            ],
            bom=True,
        ),  # fmt: skip
        f"{folder}/routes.txt": gtfs_text(
            [
                [
                    "route_id",
                    "agency_id",
                    "route_short_name",
                    "route_long_name",
                    "route_desc",
                    "route_type",
                    "route_color",
                    "route_text_color",
                ],
                *route_rows,
            ],
            bom=True,
        ),  # fmt: skip
        f"{folder}/trips.txt": gtfs_text(
            [["route_id", "service_id", "trip_id", "trip_headsign", "direction_id"], *trip_rows],
            bom=False,
        ),  # fmt: skip
        f"{folder}/stop_times.txt": gtfs_text(
            [["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"], *time_rows],
            bom=False,
        ),  # fmt: skip
        f"{folder}/calendar.txt": gtfs_text(
            [
                [
                    "service_id",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "start_date",
                    "end_date",
                ],
                ["WD", 1, 1, 1, 1, 1, 0, 0, f"{YEAR}0902", f"{YEAR + 1}0630"],
            ],
            bom=False,
        ),  # fmt: skip
    }
    return [
        GeneratedSource(
            filename=f"{place.code}-{folder}.zip",
            content=zipped(files),
            mapping="gtfs-stops-routes",
        )
    ]


# --- utilities: water (ΔΕΥΑ AMR) and energy (municipal buildings) -------------------------------


def month_start(month: int) -> str:
    """The first of a month at 00:00 Greek time, with its offset (summer time April-October)."""
    offset = "+03:00" if 4 <= month <= 10 else "+02:00"
    return f"{YEAR}-{month:02d}-01T00:00:00{offset}"


def cumulative(rng: random.Random, start: float, monthly: float, count: int) -> list[float]:
    values, value = [], start
    for _ in range(count):
        values.append(round(value, 3))
        value += monthly * rng.uniform(0.85, 1.15)
    return values


def water_meter(
    rng: random.Random, meter_id: str, category: str, unit: str, zone: str | None,
    site: tuple[str, str] | None, start: float, monthly: float, months: int,
) -> dict[str, Any]:  # fmt: skip
    readings = []
    for month, value in enumerate(cumulative(rng, start, monthly, months), 1):
        missing = rng.random() < 0.03
        readings.append({
            "timestamp": month_start(month),
            "value": None if missing else value,
            "status": "NO_COMM" if missing else "OK",
        })  # fmt: skip
    meter: dict[str, Any] = {
        "meter_id": meter_id,
        "serial": f"KM{rng.randint(15, 23)}-{rng.randint(1, 9_999_999):07d}",
        "category": category,
        "unit": unit,
        "zone": zone,
    }
    if site:
        meter["site_id"], meter["site_name"] = site
    meter["readings"] = readings
    return meter


@generator("water-meter-readings")
def water_meter_readings(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    """The ΔΕΥΑ's telemetry export: a district (DMA) meter per supply zone, production meters,
    municipal buildings and, per zone, household meters that are published only as sums."""
    place = territory(municipality)
    months = min(12, max(3, round(3 * scale)))
    zones = min(8, 1 + place.population // 30_000)
    households = max(3, round(2 * place.weight * max(scale, 0.5)))
    meters = []
    for zone in range(1, zones + 1):
        code = f"{zone:02d}"
        consumers = place.population / zones * 0.1  # m3 per resident and month, about 100 l a day
        meters.append(water_meter(
            rng, f"ΥΜ-DMA-{code}", "Μετρητής ζώνης (DMA)", "m3", code,
            (f"DMA-{code}", f"Φρεάτιο εισόδου ζώνης {code}"), rng.uniform(1e5, 2e6),
            consumers * 30, months,
        ))  # fmt: skip
        for number in range(households):
            meters.append(water_meter(
                rng, f"ΥΜ-{zone}{number:05d}", rng.choice(["Οικιακό", "ΟΙΚΙΑΚΟ"]), "m3", code,
                None, rng.uniform(50, 3000), rng.uniform(6, 14), months,
            ))  # fmt: skip
    for number in range(1, 2 + zones // 2):
        meters.append(water_meter(
            rng, f"ΥΜ-ΠΑΡ-{number:02d}", "Παραγωγή", "m³", None,
            (f"GEO-{number}", f"Γεώτρηση {place.genitive} {number}"), rng.uniform(1e5, 1e6),
            place.population * 4 / zones, months,
        ))  # fmt: skip
    for number in range(1, 1 + min(4, zones)):
        meters.append(water_meter(
            rng, f"ΥΜ-Δ-{number:04d}", "Δημοτικό κτίριο", "lt", "01",
            (f"school-{number}", f"{number}ο Δημοτικό Σχολείο {place.genitive}"),
            rng.uniform(1e6, 9e6), rng.uniform(1e5, 2e5), months,
        ))  # fmt: skip
    export = {
        "export": {
            "system": f"AMR Τηλεμετρία ΔΕΥΑ {place.genitive}",
            "generated": f"{YEAR}-{months:02d}-01T06:00:04+03:00",
            "resolution": "monthly index (00:00)",
            "records": len(meters),
        },
        "meters": meters,
    }
    text = "\ufeff" + json.dumps(export, ensure_ascii=False, indent=2).replace("\n", "\r\n")
    return [
        GeneratedSource(
            filename=f"{place.code}-deya-amr-{YEAR}.json",
            content=text.encode("utf-8"),
            mapping="meter-readings",
            dataset="water-meter-readings",
        )
    ]


BUILDINGS = [
    ("town-hall", "Δημαρχείο {gen}", "ΔΗΜΟΤΙΚΟ", 300.0),
    ("library", "Δημοτική Βιβλιοθήκη {gen}", "ΔΗΜΟΤΙΚΟ", 60.0),
    ("indoor-hall", "Κλειστό Γυμναστήριο {gen}", "Δημοτική εγκατάσταση", 250.0),
    ("pool", "Δημοτικό Κολυμβητήριο {gen}", "Δημοτική εγκατάσταση", 900.0),
    ("kep", "ΚΕΠ {gen}", "ΔΗΜΟΤΙΚΟ", 40.0),
    ("depot", "Αμαξοστάσιο Υπηρεσίας Καθαριότητας", "Δημοτική εγκατάσταση", 120.0),
]


@generator("energy-meter-readings")
def energy_meter_readings(
    municipality: Municipality, rng: random.Random, scale: float
) -> list[GeneratedSource]:
    """The energy-monitoring platform's device telemetry: the municipal buildings and street
    lighting circuits, daily readings in kWh or Wh, Unix milliseconds, one device per line."""
    place = territory(municipality)
    days = min(31, max(3, round(3 * scale)))
    devices: list[dict[str, Any]] = []
    circuits = max(1, round(place.weight))
    chosen = BUILDINGS[: min(len(BUILDINGS), 1 + round(place.weight))]
    for building, name, usage, daily in chosen:
        devices.append(energy_device(
            rng, f"ΗΜ-{len(devices) + 1:04d}", usage, "kWh", building,
            name.format(gen=place.genitive), daily * place.weight, days,
        ))  # fmt: skip
    for circuit in range(1, circuits + 1):
        street = rng.choice(STREETS)
        devices.append(energy_device(
            rng, f"ΗΜ-ΦΩΤ-{circuit:02d}", "Δημοτική εγκατάσταση", "Wh", f"lighting-{circuit}",
            f"Οδοφωτισμός οδού {street} (κύκλωμα {circuit})", 120_000.0, days,
        ))  # fmt: skip
    lines = ",\n".join(
        json.dumps(device, ensure_ascii=False, separators=(",", ":")) for device in devices
    )
    return [
        GeneratedSource(
            filename=f"{place.code}-energy-buildings-{YEAR}-03.json",
            content=f"[\n{lines}\n]\n".encode(),
            mapping="meter-readings",
            dataset="energy-meter-readings",
        )
    ]


def energy_device(
    rng: random.Random, name: str, usage: str, unit: str, building: str, label: str,
    daily: float, days: int,
) -> dict[str, Any]:  # fmt: skip
    # 11 March 2024, 00:00 Greek time (UTC+2), in Unix milliseconds.
    start = 1_710_108_000_000
    values = cumulative(rng, rng.uniform(1e4, 9e4) * (1000 if unit == "Wh" else 1), daily, days)
    telemetry: list[dict[str, Any]] = []
    for day, value in enumerate(values):
        reading: object = (
            f"{value:.1f}" if unit == "kWh" and rng.random() < 0.5 else round(value, 1)
        )
        telemetry.append({"ts": start + day * 86_400_000, "value": reading})
    return {
        "deviceName": name,
        "type": "energy-meter",
        "usage": usage,
        "uom": unit,
        "building_id": building,
        "building": label,
        "telemetry": telemetry,
    }
