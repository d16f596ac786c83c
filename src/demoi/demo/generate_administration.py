"""Generators of the administration areas: finance, decisions, procurement, organisation,
statistics and catalogue.

Each writes the shape of its sample in examples/<area>/ (see that folder's README): the same
encoding, delimiter, headers, number and date formats. Values vary with the municipality: its
name and its size (amounts and counts grow with its 2021 population), KAE codes and titles from
ontologies/codelists/kae.ttl, real Diavgeia decision types, ΑΔΑ and ΑΔΑΜ in their real shapes,
tax numbers with a right check digit. Counterparties are legal entities only; the elected
officials of the register are placeholders («Αιρετός Μητρώου 007»), never a person's name.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from random import Random

import pyoxigraph as ox

from demoi.demo.generated import GeneratedSource, generator, row_count, size_factor
from demoi.municipalities import Municipality
from demoi.resources import standards_path

# Row counts (the base of each row_count) are calibrated so that `demoi demo --municipalities
# all --scale 1` gives about half a million triples from these six areas (the other six give
# the other half of the national demo's million): about 75,000 an area, except organisation,
# whose council seats are fixed by law (13 to 49 by population) and give about 165,000.
BUDGET_YEAR = "2024"
DECISIONS_YEAR = "2025"
# Amounts of a municipal budget per resident and year (Greek municipalities spend €600-900).
EXPENDITURE_PER_RESIDENT = 750


# --- shared helpers ------------------------------------------------------------------------------


def greek_number(value: float) -> str:
    """8920667.36 -> «8.920.667,36», as Greek accounting systems and spreadsheets write it."""
    whole, cents = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents


def greek_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def plain_upper(text: str) -> str:
    """«Καλαμάτας» -> «ΚΑΛΑΜΑΤΑΣ»: capitals without accents, as Diavgeia and ELSTAT write."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def genitive(municipality: Municipality) -> str:
    """«Δήμος Ηρακλείου (Κρήτη)» -> «Ηρακλείου»."""
    return re.sub(r" \([^)]*\)$", "", municipality.label_el.removeprefix("Δήμος "))


def latin_name(municipality: Municipality) -> str:
    """«Municipality of Kalamata» -> «kalamata», for web addresses."""
    name = re.sub(r" \([^)]*\)$", "", municipality.label_en.removeprefix("Municipality of "))
    ascii_name = unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_name.lower()) or municipality.code


def cp1253_csv(lines: list[list[str]]) -> bytes:
    """`;`-separated Windows-1253 text with CRLF, as a Greek Excel saves it (cells that hold a
    `;`, a quote or a line break quoted)."""

    def cell(value: str) -> str:
        if any(ch in value for ch in ';"\n'):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(";".join(cell(value) for value in line) + "\r\n" for line in lines)
    return text.encode("cp1253")


def valid_afm(rng: Random, first: str) -> str:
    """A Greek tax number (ΑΦΜ) starting with ``first``, with its check digit."""
    body = first + "".join(str(rng.randrange(10)) for _ in range(8 - len(first)))
    total = sum(int(digit) << (8 - position) for position, digit in enumerate(body))
    return body + str(total % 11 % 10)


def lognormal_amount(rng: Random, mean: float) -> float:
    return round(mean * rng.lognormvariate(0, 0.8), 2)


# --- the municipality's suppliers, the things it buys, its ΑΔΑ ------------------------------------

SUPPLIER_STEMS = (
    "ΤΕΧΝΙΚΗ",
    "ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ",
    "ΠΕΤΡΕΛΑΙΟΕΙΔΗ",
    "ΗΛΕΚΤΡΟΜΗΧΑΝΙΚΗ",
    "ΠΛΗΡΟΦΟΡΙΚΗ",
    "ΧΗΜΙΚΑ ΚΑΘΑΡΙΣΜΟΥ",
    "ΑΝΑΚΥΚΛΩΣΗ",
    "ΣΥΜΒΟΥΛΟΙ ΜΗΧΑΝΙΚΟΙ",
    "ΕΚΤΥΠΩΣΕΙΣ",
    "ΠΡΑΣΙΝΟ ΚΑΙ ΑΡΔΕΥΣΗ",
    "ΑΣΦΑΛΤΙΚΑ",
    "ΟΧΗΜΑΤΑ ΚΑΙ ΑΝΤΑΛΛΑΚΤΙΚΑ",
    "ΤΡΟΦΙΜΑ",
    "ΦΩΤΙΣΜΟΣ",
    "ΥΔΡΑΥΛΙΚΑ",
    "ΜΕΛΕΤΗΤΙΚΗ",
)
LEGAL_FORMS = (
    "ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ",
    "Α.Ε.",
    "Ε.Π.Ε.",
    "ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε.",
    "Ι.Κ.Ε.",
    "Ο.Ε.",
    "Α.Β.Ε.Ε.",
)


@dataclass(frozen=True)
class Purchase:
    """Something a municipality buys: the subject of its decisions and contracts."""

    subject: str  # «προμήθεια ...» in the accusative, lower case
    cpv: str  # with check digit
    cpv_label: str
    kae: str  # account and sub-account
    service: str
    contract_type: str  # ΚΗΜΔΗΣ label
    typical: float  # a typical amount with VAT for an average municipality, euro


PURCHASES = (
    Purchase(
        "προμήθεια πετρελαίου κίνησης για τα οχήματα της Υπηρεσίας Καθαριότητας",
        "09134100-8",
        "Πετρέλαιο ντίζελ",
        "6641.01",
        "20",
        "Προμήθειες",
        60_000,
    ),
    Purchase(
        "προμήθεια ηλεκτρικών λαμπτήρων LED για τον οδοφωτισμό",
        "31527260-6",
        "Συστήματα φωτισμού",
        "6662.01",
        "20",
        "Προμήθειες",
        25_000,
    ),
    Purchase(
        "συντήρηση και επισκευή απορριμματοφόρων οχημάτων",
        "50114000-7",
        "Υπηρεσίες επισκευής και συντήρησης φορτηγών",
        "6263.01",
        "20",
        "Υπηρεσίες",
        18_000,
    ),
    Purchase(
        "προμήθεια γραφικής ύλης και υλικών γραφείου",
        "30192000-1",
        "Είδη γραφείου",
        "6612.01",
        "10",
        "Προμήθειες",
        6_000,
    ),
    Purchase(
        "υπηρεσίες υποστήριξης και συντήρησης λογισμικού",
        "72267000-4",
        "Υπηρεσίες συντήρησης και επισκευής λογισμικού",
        "6142.01",
        "10",
        "Υπηρεσίες",
        15_000,
    ),
    Purchase(
        "ασφαλτόστρωση δημοτικών οδών",
        "45233222-1",
        "Εργασίες ασφαλτόστρωσης",
        "7333.01",
        "30",
        "Έργα",
        180_000,
    ),
    Purchase(
        "συντήρηση σχολικών κτιρίων και αύλειων χώρων",
        "45453000-7",
        "Εργασίες επισκευής και ανακαίνισης",
        "7331.01",
        "30",
        "Έργα",
        90_000,
    ),
    Purchase(
        "προμήθεια σπόρων, φυτών και λιπασμάτων για τους χώρους πρασίνου",
        "03451000-6",
        "Φυτά",
        "6693.01",
        "35",
        "Προμήθειες",
        8_000,
    ),
    Purchase(
        "κλάδεμα δέντρων και συντήρηση πρασίνου",
        "77211400-6",
        "Υπηρεσίες κοπής δέντρων",
        "6262.01",
        "35",
        "Υπηρεσίες",
        20_000,
    ),
    Purchase(
        "γεωτεχνική μελέτη για την αποκατάσταση τοίχων αντιστήριξης",
        "71332000-4",
        "Γεωτεχνικές υπηρεσίες",
        "7413.01",
        "30",
        "Τεχνικές ή λοιπές συναφείς επιστημονικές υπηρεσίες",
        35_000,
    ),
    Purchase(
        "προμήθεια ειδών καθαριότητας και ευπρεπισμού",
        "39830000-9",
        "Προϊόντα καθαρισμού",
        "6634.01",
        "10",
        "Προμήθειες",
        7_000,
    ),
    Purchase(
        "προμήθεια ανταλλακτικών για τα οχήματα του δήμου",
        "34330000-9",
        "Ανταλλακτικά για φορτηγά οχήματα",
        "6671.01",
        "20",
        "Προμήθειες",
        20_000,
    ),
    Purchase(
        "ασφάλιση των οχημάτων του δήμου",
        "66514110-0",
        "Υπηρεσίες ασφάλισης οχημάτων",
        "6253.01",
        "10",
        "Υπηρεσίες",
        25_000,
    ),
    Purchase(
        "προμήθεια τροφίμων για τους παιδικούς σταθμούς",
        "15800000-6",
        "Διάφορα προϊόντα διατροφής",
        "6481.01",
        "15",
        "Προμήθειες",
        30_000,
    ),
    Purchase(
        "προμήθεια χημικών για την απολύμανση του νερού",
        "24312123-2",
        "Διοξείδιο του χλωρίου",
        "6692.01",
        "25",
        "Προμήθειες",
        12_000,
    ),
)


@dataclass(frozen=True)
class Supplier:
    afm: str
    name: str


@cache
def _suppliers(code: str, name: str) -> tuple[Supplier, ...]:
    """The municipality's local suppliers: legal entities, with a valid ΑΦΜ of the 8xx/09x series
    and a legal form in the name, so the readers keep them. Fixed per municipality (not per
    seed) so that its decisions and its contracts name the same companies."""
    rng = Random(f"suppliers:{code}")
    place = plain_upper(name)
    return tuple(
        Supplier(valid_afm(rng, rng.choice(("8", "09", "99"))), f"{stem} {place} {form}")
        for stem, form in zip(
            SUPPLIER_STEMS, (rng.choice(LEGAL_FORMS) for _ in SUPPLIER_STEMS), strict=True
        )
    )


def suppliers(municipality: Municipality) -> tuple[Supplier, ...]:
    return _suppliers(municipality.code, genitive(municipality))


#: The letters Diavgeia uses in ΑΔΑ (Greek capitals and digits).
ADA_LETTERS = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ0123456789"


def ada_body(municipality: Municipality) -> str:
    """The issuing body's part of its ΑΔΑ (ΩΞΑ for Kalamata in the samples): three Greek letters
    fixed per municipality."""
    rng = Random(f"ada-body:{municipality.code}")
    return "Ω" + "".join(rng.choice(ADA_LETTERS[:24]) for _ in range(2))


def new_ada(rng: Random, body: str, used: set[str]) -> str:
    while True:
        ada = (
            "".join(rng.choice(ADA_LETTERS) for _ in range(4))
            + body
            + "-"
            + "".join(rng.choice(ADA_LETTERS) for _ in range(3))
        )
        if ada not in used:
            used.add(ada)
            return ada


def day_in(rng: Random, year: int, first_month: int = 1, last_month: int = 12) -> date:
    start = date(year, first_month, 1)
    end = date(year + (last_month == 12), last_month % 12 + 1, 1)
    return start + timedelta(days=rng.randrange((end - start).days))


# --- finance: budget execution ------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    code: str
    title: str


@cache
def kae_accounts() -> tuple[Account, ...]:
    """The four-digit KAE accounts of the code list with their Greek titles."""
    store = ox.Store()
    store.load(
        path=str(standards_path("ontologies") / "codelists" / "kae.ttl"),
        format=ox.RdfFormat.TURTLE,
    )
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?code ?title WHERE {
          ?concept skos:notation ?code ; skos:prefLabel ?title .
          FILTER(LANG(?title) = "el" && STRLEN(?code) = 4)
        } ORDER BY ?code"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return tuple(
        Account(row["code"].value, re.sub(r" \(Κ\.Α\. [0-9]+\)$", "", row["title"].value))
        for row in solutions
    )


EXPENDITURE_SERVICES = ("00", "10", "15", "20", "25", "30", "35", "40", "45", "50", "70")


def _expenditure_service(rng: Random, kae: str) -> str:
    if kae[0] == "8":
        return "80"
    if kae[0] == "9":
        return "90"
    return rng.choice(EXPENDITURE_SERVICES)


def _budget_lines(
    municipality: Municipality, rng: Random, scale: float, revenue: bool
) -> list[tuple[str, Account]]:
    accounts = [
        account
        for account in kae_accounts()
        if (account.code[0] in "012345") == revenue and account.code != "9111"
    ]
    count = min(row_count(11, municipality, scale, least=3), 4 * len(accounts))
    lines: dict[tuple[str, str], Account] = {}
    while len(lines) < count:
        account = rng.choice(accounts)
        service = "00" if revenue else _expenditure_service(rng, account.code)
        sub = f"{rng.randint(1, 3):02d}"
        lines.setdefault((service, f"{account.code}.{sub}"), account)
    return sorted(((f"{s};{k}", a) for (s, k), a in lines.items()), key=lambda line: line[0])


def _budget_total(municipality: Municipality) -> float:
    return float(municipality.population * EXPENDITURE_PER_RESIDENT)


@generator("budget-expense")
def budget_expense(municipality: Municipality, rng: Random, scale: float) -> list[GeneratedSource]:
    lines = _budget_lines(municipality, rng, scale, revenue=False)
    mean = _budget_total(municipality) / len(lines)
    header = (
        "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Δεσμευθέντα;Ενταλθέντα;Πληρωθέντα"
    )
    rows = [header.split(";") + [""]]
    for key, account in lines:
        budgeted = lognormal_amount(rng, mean)
        adjusted = round(budgeted * rng.uniform(0.9, 1.25), 2)
        committed = round(adjusted * rng.uniform(0.7, 1.0), 2)
        authorised = round(committed * rng.uniform(0.6, 1.0), 2)
        paid = round(authorised * rng.uniform(0.9, 1.0), 2)
        amounts = (budgeted, adjusted, committed, authorised, paid)
        rows.append([*key.split(";"), account.title, *map(greek_number, amounts), ""])
    return [
        GeneratedSource(
            f"{municipality.code}-{BUDGET_YEAR}-expense.cp1253.csv",
            cp1253_csv(rows),
            "budget-expense",
            {"year": BUDGET_YEAR},
        )
    ]


@generator("budget-revenue")
def budget_revenue(municipality: Municipality, rng: Random, scale: float) -> list[GeneratedSource]:
    lines = _budget_lines(municipality, rng, scale, revenue=True)
    mean = _budget_total(municipality) / len(lines)
    header = "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Βεβαιωθέντα;Εισπραχθέντα"
    rows = [header.split(";") + [""]]
    for key, account in lines:
        budgeted = lognormal_amount(rng, mean)
        adjusted = round(budgeted * rng.uniform(0.95, 1.2), 2)
        certified = round(adjusted * rng.uniform(0.75, 1.05), 2)
        collected = round(certified * rng.uniform(0.4, 1.0), 2)
        amounts = (budgeted, adjusted, certified, collected)
        rows.append([*key.split(";"), account.title, *map(greek_number, amounts), ""])
    return [
        GeneratedSource(
            f"{municipality.code}-{BUDGET_YEAR}-revenue.cp1253.csv",
            cp1253_csv(rows),
            "budget-revenue",
            {"year": BUDGET_YEAR},
        )
    ]


# --- organisation: Diavgeia units and the register of elected posts ----------------------------


@dataclass(frozen=True)
class Unit:
    uid: str
    label: str  # Diavgeia's: capitals without accents
    category: str
    parent: str  # a unit's uid, or the organisation's


DIRECTORATES = (
    ("ΔΙΕΥΘΥΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ ΥΠΗΡΕΣΙΩΝ", ("ΤΜΗΜΑ ΛΟΓΙΣΤΗΡΙΟΥ", "ΤΜΗΜΑ ΕΣΟΔΩΝ", "ΤΜΗΜΑ ΠΡΟΜΗΘΕΙΩΝ")),
    ("ΔΙΕΥΘΥΝΣΗ ΤΕΧΝΙΚΩΝ ΥΠΗΡΕΣΙΩΝ", ("ΤΜΗΜΑ ΜΕΛΕΤΩΝ", "ΤΜΗΜΑ ΚΑΤΑΣΚΕΥΩΝ", "ΤΜΗΜΑ Η/Μ ΕΡΓΩΝ")),
    ("ΔΙΕΥΘΥΝΣΗ ΠΕΡΙΒΑΛΛΟΝΤΟΣ ΚΑΙ ΚΑΘΑΡΙΟΤΗΤΑΣ", ("ΤΜΗΜΑ ΚΑΘΑΡΙΟΤΗΤΑΣ", "ΤΜΗΜΑ ΠΡΑΣΙΝΟΥ")),
    (
        "ΔΙΕΥΘΥΝΣΗ ΔΙΟΙΚΗΤΙΚΩΝ ΥΠΗΡΕΣΙΩΝ",
        ("ΤΜΗΜΑ ΑΝΘΡΩΠΙΝΟΥ ΔΥΝΑΜΙΚΟΥ", "ΤΜΗΜΑ ΔΗΜΟΤΙΚΗΣ ΚΑΤΑΣΤΑΣΗΣ"),
    ),
    ("ΔΙΕΥΘΥΝΣΗ ΚΟΙΝΩΝΙΚΗΣ ΠΡΟΣΤΑΣΙΑΣ", ("ΤΜΗΜΑ ΚΟΙΝΩΝΙΚΗΣ ΠΟΛΙΤΙΚΗΣ", "ΤΜΗΜΑ ΠΑΙΔΙΚΩΝ ΣΤΑΘΜΩΝ")),
    ("ΔΙΕΥΘΥΝΣΗ ΠΟΛΕΟΔΟΜΙΑΣ", ("ΤΜΗΜΑ ΕΚΔΟΣΗΣ ΑΔΕΙΩΝ", "ΤΜΗΜΑ ΕΛΕΓΧΟΥ ΔΟΜΗΣΗΣ")),
    ("ΔΙΕΥΘΥΝΣΗ ΠΟΛΙΤΙΣΜΟΥ ΚΑΙ ΑΘΛΗΤΙΣΜΟΥ", ("ΤΜΗΜΑ ΠΟΛΙΤΙΣΜΟΥ", "ΤΜΗΜΑ ΑΘΛΗΤΙΣΜΟΥ")),
    ("ΔΙΕΥΘΥΝΣΗ ΠΡΟΓΡΑΜΜΑΤΙΣΜΟΥ ΚΑΙ ΠΛΗΡΟΦΟΡΙΚΗΣ", ("ΤΜΗΜΑ ΠΛΗΡΟΦΟΡΙΚΗΣ", "ΤΜΗΜΑ ΠΡΟΓΡΑΜΜΑΤΙΣΜΟΥ")),
    ("ΔΙΕΥΘΥΝΣΗ ΔΗΜΟΤΙΚΗΣ ΑΣΤΥΝΟΜΙΑΣ", ("ΤΜΗΜΑ ΕΛΕΓΧΟΥ ΚΥΚΛΟΦΟΡΙΑΣ",)),
    ("ΔΙΕΥΘΥΝΣΗ ΥΔΡΕΥΣΗΣ ΚΑΙ ΑΠΟΧΕΤΕΥΣΗΣ", ("ΤΜΗΜΑ ΔΙΚΤΥΩΝ", "ΤΜΗΜΑ ΒΛΑΒΩΝ")),
)
# Common Greek place names (genitive), for the municipal units and communities a generated
# municipality is made of; the real ones are in Kallikratis, which an installed demoi lacks.
PLACES = (
    "ΑΓΙΟΥ ΓΕΩΡΓΙΟΥ",
    "ΑΓΙΟΥ ΝΙΚΟΛΑΟΥ",
    "ΚΑΣΤΡΟΥ",
    "ΠΥΡΓΟΥ",
    "ΛΑΓΚΑΔΙΩΝ",
    "ΜΕΛΙΓΑΛΑ",
    "ΚΑΜΠΟΥ",
    "ΠΛΑΤΑΝΟΥ",
    "ΚΕΦΑΛΟΒΡΥΣΟΥ",
    "ΜΥΛΩΝ",
    "ΑΜΠΕΛΟΚΗΠΩΝ",
    "ΚΑΛΛΙΘΕΑΣ",
    "ΛΕΥΚΗΣ",
    "ΠΕΥΚΩΝ",
    "ΠΑΛΑΙΟΧΩΡΙΟΥ",
    "ΝΕΟΧΩΡΙΟΥ",
    "ΜΕΣΟΧΩΡΙΟΥ",
    "ΑΣΠΡΟΧΩΡΙΟΥ",
    "ΚΡΥΟΝΕΡΙΟΥ",
    "ΒΡΥΣΩΝ",
    "ΔΑΦΝΗΣ",
    "ΕΛΑΙΩΝΑ",
    "ΚΑΡΥΩΝ",
    "ΜΑΝΤΑΜΑΔΟΥ",
    "ΣΤΑΥΡΟΥ",
    "ΠΡΟΦΗΤΗ ΗΛΙΑ",
    "ΡΙΖΩΜΑΤΟΣ",
    "ΧΩΡΑΣ",
    "ΛΙΒΑΔΙΟΥ",
    "ΠΟΤΑΜΙΑΣ",
    "ΚΟΡΩΝΗΣ",
    "ΣΠΗΛΙΑΣ",
)
EPOCH_2011 = 1293840000000  # 01/01/2011, when the Kallikratis municipalities began
EPOCH_2024 = 1704067200000  # 01/01/2024, the councils of the 2023 elections


@dataclass(frozen=True)
class Structure:
    """The municipality's organisation chart, fixed per municipality so that its Diavgeia units,
    its register and its decisions agree."""

    organisation_uid: str
    units: tuple[Unit, ...]
    council: str
    committee: str
    municipal_units: tuple[Unit, ...]
    communities: tuple[tuple[Unit, str], ...]  # (community, its municipal unit's uid)


@cache
def _structure(code: str, uid: str, name: str, size: float) -> Structure:
    rng = Random(f"structure:{code}")
    number = iter(range(1, 10_000))

    def new_uid() -> str:
        return str(100_000_000 + int(code) * 10_000 + next(number))

    def unit(label: str, category: str, parent: str = uid) -> Unit:
        return Unit(new_uid(), label, category, parent)

    council = unit("ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ", "UNIT")
    committee = unit("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ", "COMMITTEE")
    units = [unit("ΓΡΑΦΕΙΟ ΔΗΜΑΡΧΟΥ", "UNIT"), council, committee]
    if size > 0.3:
        units.append(unit("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ ΔΙΑΒΟΥΛΕΥΣΗΣ", "UNIT"))
    for label, departments in DIRECTORATES[: max(2, min(len(DIRECTORATES), round(3 * size)))]:
        directorate = unit(label, "ADMINISTRATION")
        units.append(directorate)
        units += [unit(department, "UNIT", directorate.uid) for department in departments]
    seat = plain_upper(name)
    places = [seat, *rng.sample(PLACES, k=min(len(PLACES), max(1, round(2 * size))))]
    municipal_units = [unit(f"ΔΗΜΟΤΙΚΗ ΕΝΟΤΗΤΑ {place}", "ORG_UNIT_OTHER") for place in places]
    communities = []
    for place, municipal_unit in zip(places, municipal_units, strict=True):
        kind = "ΔΗΜΟΤΙΚΗ ΚΟΙΝΟΤΗΤΑ" if place == seat else "ΤΟΠΙΚΗ ΚΟΙΝΟΤΗΤΑ"
        communities.append(
            (
                unit(f"{kind} {place}", "DECENTRALISED_AGENCY", municipal_unit.uid),
                municipal_unit.uid,
            )
        )
    units += municipal_units + [community for community, _ in communities]
    return Structure(
        uid,
        tuple(units),
        council.uid,
        committee.uid,
        tuple(municipal_units),
        tuple(communities),
    )


def structure(municipality: Municipality) -> Structure:
    return _structure(
        municipality.code,
        municipality.diavgeia_uid,
        genitive(municipality),
        size_factor(municipality),
    )


@generator("diavgeia-units")
def diavgeia_units(municipality: Municipality, rng: Random, scale: float) -> list[GeneratedSource]:
    chart = structure(municipality)
    found = municipality
    organisation: dict[str, object] = {
        "uid": found.diavgeia_uid,
        "label": plain_upper(municipality.label_el),
        "abbreviation": None,
        "latinName": latin_name(municipality),
        "status": "active",
        "category": "MUNICIPALITY",
        "vatNumber": found.vat_number,
        "fekNumber": "87",
        "fekIssue": "fektype_A",
        "fekYear": "2010",
        "website": f"http://www.{latin_name(municipality)}.gr",
        "supervisorId": "100054492",
        "supervisorLabel": "ΥΠΟΥΡΓΕΙΟ ΕΣΩΤΕΡΙΚΩΝ",
        "organizationDomains": [],
    }
    units: list[dict[str, object]] = [
        {
            "uid": unit.uid,
            "label": unit.label,
            "abbreviation": None,
            "category": unit.category,
            "unitDomains": [],
            "active": True,
            "activeFrom": EPOCH_2024 if unit.uid == chart.committee else EPOCH_2011,
            "activeUntil": None,
            "parentId": unit.parent,
        }
        for unit in chart.units
    ]
    # Two responses one after the other, as `curl URL1 URL2 > file.json` saves them.
    text = json.dumps(organisation, ensure_ascii=False, indent=4) + "\n"
    text += json.dumps({"units": units}, ensure_ascii=False, indent=4) + "\n"
    return [
        GeneratedSource(
            f"{municipality.code}-diavgeia-units.json", text.encode("utf-8"), "diavgeia-units"
        )
    ]


def council_size(population: int) -> int:
    """Seats of the municipal council by population (L.3852/2010 art. 7, as amended)."""
    for limit, seats in ((2_000, 13), (10_000, 17), (30_000, 21), (60_000, 29), (100_000, 33)):
        if population <= limit:
            return seats
    return 41 if population <= 150_000 else 49


@generator("elected-posts")
def elected_posts(municipality: Municipality, rng: Random, scale: float) -> list[GeneratedSource]:
    chart = structure(municipality)
    population = municipality.population
    name = genitive(municipality)
    with tempfile.TemporaryDirectory(prefix="demoi-demo-") as folder:
        path = Path(folder) / "register.sqlite"
        connection = sqlite3.connect(path)
        _write_register(connection, municipality, chart, population, name, rng, scale)
        connection.commit()
        connection.close()
        content = path.read_bytes()
    return [GeneratedSource(f"{municipality.code}-elected-posts.sqlite", content, "elected-posts")]


REGISTER_SCHEMA = """
CREATE TABLE DHMOS (KOD_ELSTAT TEXT PRIMARY KEY, EPONYMIA TEXT NOT NULL, EPONYMIA_LAT TEXT,
    AFM TEXT);
CREATE TABLE ORGANA (ID INTEGER PRIMARY KEY, KODIKOS TEXT NOT NULL UNIQUE, TYPOS TEXT NOT NULL,
    PERIGRAFI TEXT NOT NULL, DIAVGEIA_UID INTEGER, KALLIKRATIS TEXT,
    PARENT_ID INTEGER REFERENCES ORGANA (ID), ENERGO INTEGER NOT NULL DEFAULT 1);
CREATE TABLE THESEIS (ID INTEGER PRIMARY KEY, KODIKOS TEXT NOT NULL, TYPOS TEXT NOT NULL,
    TITLOS TEXT NOT NULL, ORGANO_ID INTEGER REFERENCES ORGANA (ID), UNIQUE (KODIKOS, ORGANO_ID));
CREATE TABLE AIRETOI (ID INTEGER PRIMARY KEY, EPONYMO TEXT NOT NULL, ONOMA TEXT NOT NULL,
    PATRONYMO TEXT, PARATAXI TEXT, AFM TEXT, DIEYTHYNSI TEXT, KINITO TEXT);
CREATE TABLE THITEIES (ID INTEGER PRIMARY KEY, THESI_ID INTEGER NOT NULL REFERENCES THESEIS (ID),
    AIRETOS_ID INTEGER NOT NULL REFERENCES AIRETOI (ID), APO TEXT NOT NULL, EOS TEXT,
    APOFASI TEXT);
"""
DEPUTY_PORTFOLIOS = (
    "Οικονομικών Υπηρεσιών",
    "Περιβάλλοντος και Καθαριότητας",
    "Τεχνικών Υπηρεσιών",
    "Κοινωνικής Πολιτικής",
    "Πολιτισμού και Αθλητισμού",
    "Διοικητικών Υπηρεσιών",
    "Πολεοδομίας",
    "Ψηφιακής Διακυβέρνησης",
    "Τουρισμού",
    "Παιδείας",
)


def _write_register(
    connection: sqlite3.Connection,
    municipality: Municipality,
    chart: Structure,
    population: int,
    name: str,
    rng: Random,
    scale: float,
) -> None:
    connection.executescript(REGISTER_SCHEMA)
    connection.execute(
        "INSERT INTO DHMOS VALUES (?, ?, ?, NULL)",
        (municipality.code, municipality.label_el, municipality.label_en),
    )
    # (code, type, title, Diavgeia uid, Kallikratis code, parent's row)
    bodies: list[tuple[str, str, str, int, str | None, int | None]] = [
        ("ds", "ΔΣ", f"Δημοτικό Συμβούλιο {name}", int(chart.council), None, None),
        ("de", "ΔΕ", f"Δημοτική Επιτροπή {name}", int(chart.committee), None, None),
    ]
    ids = {"ds": 1, "de": 2}
    for index, unit in enumerate(chart.municipal_units, 1):
        bodies.append((f"den-{index}", "ΔΕΝ", _mixed(unit.label), int(unit.uid), None, None))
        ids[unit.uid] = len(bodies)
    for index, (community, parent) in enumerate(chart.communities, 1):
        bodies.append(
            (f"k-{index}", "ΚΟΙΝ", _mixed(community.label), int(community.uid), None, ids[parent])
        )
        ids[community.uid] = len(bodies)
    for number, body in enumerate(bodies, 1):
        connection.execute("INSERT INTO ORGANA VALUES (?, ?, ?, ?, ?, ?, ?, 1)", (number, *body))
    posts: list[tuple[str, str, str, int | None, int]] = [
        ("mayor", "ΔΗΜΑΡΧΟΣ", f"Δήμαρχος {name}", None, 1)
    ]
    deputies = max(1, min(len(DEPUTY_PORTFOLIOS), round(2 * size_factor(municipality))))
    for portfolio in DEPUTY_PORTFOLIOS[:deputies]:
        slug = f"deputy-mayor-{len(posts)}"
        posts.append((slug, "ΑΝΤΙΔΗΜΑΡΧΟΣ", f"Αντιδήμαρχος {portfolio}", None, 1))
    posts.append(("president", "ΠΡΟΕΔΡΟΣ_ΔΣ", f"Πρόεδρος Δημοτικού Συμβουλίου {name}", 1, 1))
    seats = max(1, round(council_size(population) * min(scale, 1.0)))
    posts.append(("councillor", "ΣΥΜΒΟΥΛΟΣ", f"Δημοτικός Σύμβουλος {name}", 1, seats))
    for community, _ in chart.communities:
        posts.append(
            (
                "president",
                "ΠΡΟΕΔΡΟΣ_ΚΟΙΝ",
                f"Πρόεδρος {_mixed(community.label)}",
                ids[community.uid],
                1,
            )
        )
    person = 0
    term = 0
    for number, (code, kind, title, in_body, holders) in enumerate(posts, 1):
        connection.execute(
            "INSERT INTO THESEIS VALUES (?, ?, ?, ?, ?)", (number, code, kind, title, in_body)
        )
        for _ in range(holders):
            if rng.random() < 0.03:
                continue  # a seat left vacant
            person += 1
            term += 1
            # Placeholders, not names: the demo publishes no natural person's name.
            connection.execute(
                "INSERT INTO AIRETOI (ID, EPONYMO, ONOMA, PARATAXI) VALUES (?, ?, ?, ?)",
                (person, f"Μητρώου {person:03d}", "Αιρετός", f"Παράταξη {rng.choice('ΑΒΓΔ')}"),
            )
            connection.execute(
                "INSERT INTO THITEIES VALUES (?, ?, ?, '01/01/2024', ?, NULL)",
                (term, number, person, "31/12/2028"),
            )


def _mixed(label: str) -> str:
    """«ΤΟΠΙΚΗ ΚΟΙΝΟΤΗΤΑ ΚΑΣΤΡΟΥ» -> «Τοπική Κοινότητα ΚΑΣΤΡΟΥ»: the register writes the kind in
    mixed case; place names stay as Diavgeia gives them."""
    for kind, mixed in (
        ("ΔΗΜΟΤΙΚΗ ΕΝΟΤΗΤΑ", "Δημοτική Ενότητα"),
        ("ΔΗΜΟΤΙΚΗ ΚΟΙΝΟΤΗΤΑ", "Δημοτική Κοινότητα"),
        ("ΤΟΠΙΚΗ ΚΟΙΝΟΤΗΤΑ", "Τοπική Κοινότητα"),
    ):
        if label.startswith(kind):
            return mixed + label[len(kind) :]
    return label


# --- decisions: a Diavgeia search response ------------------------------------------------------

DECISION_MIX = (
    ("Β.1.3", 0.30),
    ("Β.2.1", 0.15),
    ("Β.2.2", 0.20),
    ("Δ.1", 0.12),
    ("Δ.2.2", 0.03),
    ("2.4.7.1", 0.17),
    ("Α.2", 0.03),
)
COUNCIL_SUBJECTS = (
    "Έγκριση παράτασης της προθεσμίας εκτέλεσης του έργου «{}»",
    "Έγκριση του πρακτικού δημοπρασίας για την {}",
    "Ψήφιση πίστωσης για την {}",
    "Έγκριση τεχνικών προδιαγραφών για την {}",
)
REGULATIONS = (
    "Κανονισμός λειτουργίας λαϊκών αγορών του Δήμου {}",
    "Κανονισμός καθαριότητας και ανακύκλωσης του Δήμου {}",
    "Κανονισμός χρήσης κοινόχρηστων χώρων του Δήμου {}",
)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


@generator("diavgeia-decisions")
def diavgeia_decisions(
    municipality: Municipality, rng: Random, scale: float
) -> list[GeneratedSource]:
    found = municipality
    chart = structure(municipality)
    body = ada_body(municipality)
    used: set[str] = set()
    commitments: list[str] = []
    unit_uids = [unit.uid for unit in chart.units if unit.category in ("UNIT", "ADMINISTRATION")]
    count = row_count(9, municipality, scale, least=3)
    kinds = [kind for kind, _ in DECISION_MIX]
    weights = [weight for _, weight in DECISION_MIX]
    days = sorted(day_in(rng, int(DECISIONS_YEAR)) for _ in range(count))
    decisions = []
    for number, issued in enumerate(days, 1):
        kind = "Β.1.3" if not commitments else rng.choices(kinds, weights)[0]
        ada = new_ada(rng, body, used)
        purchase = rng.choice(PURCHASES)
        extra = _decision_fields(kind, purchase, municipality, rng, commitments)
        if kind == "Β.1.3":
            commitments.append(ada)
        published = datetime(issued.year, issued.month, issued.day, tzinfo=UTC) + timedelta(
            days=rng.randint(0, 3), seconds=rng.randint(7 * 3600, 17 * 3600)
        )
        council = kind in ("2.4.7.1", "Α.2")
        decisions.append(
            {
                "protocolNumber": f"{number}/{DECISIONS_YEAR}"
                if council
                else str(rng.randint(100, 30000)),
                "subject": _subject(kind, purchase, municipality, rng),
                "issueDate": f"{issued.isoformat()}T00:00:00+00:00",
                "organizationId": found.diavgeia_uid,
                "signerIds": [str(100_070_000 + int(municipality.code) % 1000)],
                "unitIds": [chart.council if council else rng.choice(unit_uids)],
                "decisionTypeId": kind,
                "thematicCategoryIds": ["20"],
                "privateData": False,
                "submissionTimestamp": _iso(published),
                "publishTimestamp": _iso(published),
                "status": "PUBLISHED",
                "ada": ada,
                "versionId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "correctedVersionId": None,
                "documentUrl": f"https://diavgeia.gov.gr/doc/{ada}",
                "documentChecksum": None,
                "url": f"https://diavgeia.gov.gr/luminapi/api/decisions/{ada}",
                "attachments": [],
                "warnings": None,
                "extraFieldValues": extra,
            }
        )
    decisions.reverse()  # Diavgeia's order=recent
    query = (
        f'organizationUid:"{found.diavgeia_uid}" AND issueDate:[DT({DECISIONS_YEAR}-01-01T00:00:00'
        f"+02:00) TO DT({DECISIONS_YEAR}-12-31T23:59:59+02:00)]"
    )
    info = {
        "query": query,
        "page": 0,
        "size": len(decisions),
        "actualSize": len(decisions),
        "total": len(decisions),
        "order": "recent",
    }
    text = json.dumps({"decisions": decisions, "info": info}, ensure_ascii=False, indent=2)
    return [
        GeneratedSource(
            f"{municipality.code}-{DECISIONS_YEAR}-search.json",
            (text + "\n").encode("utf-8"),
            "diavgeia-decisions",
            {"year": DECISIONS_YEAR},
        )
    ]


def _subject(kind: str, purchase: Purchase, municipality: Municipality, rng: Random) -> str:
    if kind == "Β.1.3":
        return f"Ανάληψη υποχρέωσης για την {purchase.subject}"
    if kind == "Β.2.1":
        return f"Έγκριση δαπάνης για την {purchase.subject}"
    if kind == "Β.2.2":
        return f"Οριστικοποίηση πληρωμής για την {purchase.subject}"
    if kind == "Δ.1":
        return f"Απευθείας ανάθεση για την {purchase.subject}"
    if kind == "Δ.2.2":
        return f"Κατακύρωση του ηλεκτρονικού διαγωνισμού για την {purchase.subject}"
    if kind == "Α.2":
        return rng.choice(REGULATIONS).format(genitive(municipality))
    return rng.choice(COUNCIL_SUBJECTS).format(purchase.subject)


def _party(supplier: Supplier) -> dict[str, object]:
    return {
        "afm": supplier.afm,
        "afmType": "EL",
        "afmCountry": "EL",
        "enterName": False,
        "name": supplier.name,
    }


def _decision_fields(
    kind: str,
    purchase: Purchase,
    municipality: Municipality,
    rng: Random,
    commitments: list[str],
) -> dict[str, object]:
    found = municipality
    amount = round(lognormal_amount(rng, purchase.typical * size_factor(municipality)), 2)
    kae = f"{purchase.service}.{purchase.kae}"
    supplier = rng.choice(suppliers(municipality))
    org = {
        "afm": found.vat_number,
        "afmType": "EL",
        "enterName": False,
        "name": plain_upper(municipality.label_el),
    }
    if kind == "Β.1.3":
        return {
            "financialYear": int(DECISIONS_YEAR),
            "budgettype": "Τακτικός Προϋπολογισμός",
            "entryNumber": f"Α/{rng.randint(1, 2000)}",
            "partialead": False,
            "recalledExpenseDecision": False,
            "amountWithVAT": {"amount": amount, "currency": "EUR"},
            "amountWithKae": [
                {
                    "sponsorAFMName": _party(supplier),
                    "kae": kae,
                    "amountWithVAT": amount,
                    "kaeBudgetRemainder": round(amount * rng.uniform(0.5, 5), 2),
                    "kaeCreditRemainder": round(amount * rng.uniform(0.5, 5), 2),
                }
            ],
            "relatedPartialADA": None,
            "relatedDecisions": None,
            "documentType": "ΠΡΑΞΗ",
        }
    if kind in ("Β.2.1", "Β.2.2"):
        return {
            "financialYear": int(DECISIONS_YEAR),
            "org": org,
            "sponsor": [
                {
                    "sponsorAFMName": _party(supplier),
                    "expenseAmount": {"amount": amount, "currency": "EUR"},
                    "cpv": purchase.cpv,
                    "kae": kae,
                }
            ],
            "relatedAnalipsiYpoxreosis": [{"textRelatedADA": rng.choice(commitments)}],
            "relatedDecisions": [],
            "documentType": "ΠΡΑΞΗ",
        }
    if kind in ("Δ.1", "Δ.2.2"):
        return {
            "person": [
                {"afm": supplier.afm, "name": supplier.name, "enterName": False, "afmType": "EL"}
            ],
            "awardAmount": {"amount": amount, "currency": "EUR"},
            "cpv": [purchase.cpv],
            "textRelatedADA": rng.choice(commitments),
            "relatedDecisions": [],
            "documentType": "ΠΡΑΞΗ",
        }
    return {"relatedDecisions": [], "documentType": "ΠΡΑΞΗ", "co_competent": None}


# --- procurement: the ΚΗΜΔΗΣ contract search export ---------------------------------------------

PROCEDURES = (
    ("Απευθείας ανάθεση", 0.55),
    ("Συνοπτικός διαγωνισμός", 0.15),
    ("Ανοικτή διαδικασία", 0.25),
    ("Διαπραγμάτευση χωρίς προηγούμενη δημοσίευση", 0.05),
)
KIMDIS_HEADER = (
    "ΑΔΑΜ;Τίτλος;Αναθέτουσα Αρχή;ΑΦΜ Αναθέτουσας Αρχής;Είδος Διαδικασίας;Είδος Σύμβασης;CPV;"
    "Ποσό χωρίς ΦΠΑ;Ποσό με ΦΠΑ;ΑΦΜ Αναδόχου;Ανάδοχος;Ημερομηνία Υπογραφής;Ημερομηνία Έναρξης;"
    "Ημερομηνία Λήξης;ΑΔΑ;Σχετικός ΑΔΑΜ"
)


@generator("kimdis-contracts")
def kimdis_contracts(
    municipality: Municipality, rng: Random, scale: float
) -> list[GeneratedSource]:
    found = municipality
    body = ada_body(municipality)
    year = int(DECISIONS_YEAR)
    short = DECISIONS_YEAR[2:]
    used: set[str] = set()
    adams: set[str] = set()
    rows = [["Αποτελέσματα αναζήτησης: Συμβάσεις"] + [""] * 15, KIMDIS_HEADER.split(";")]
    for _ in range(row_count(10, municipality, scale, least=2)):
        purchase = rng.choice(PURCHASES)
        procedure = rng.choices([p for p, _ in PROCEDURES], [w for _, w in PROCEDURES])[0]
        with_vat = lognormal_amount(rng, purchase.typical * size_factor(municipality))
        supplier = rng.choice(suppliers(municipality))
        signed = day_in(rng, year, 1, 11)
        adam = ""
        while not adam or adam in adams:
            adam = f"{short}SYMV{rng.randrange(10**9):09d}"
        adams.add(adam)
        related = f"{short}REQ{rng.randrange(10**9):09d}" if rng.random() < 0.6 else "-"
        rows.append(
            [
                adam,
                f"Σύμβαση για την {purchase.subject}",
                plain_upper(municipality.label_el),
                found.vat_number,
                procedure,
                purchase.contract_type,
                f"{purchase.cpv} {purchase.cpv_label}",
                greek_number(with_vat / 1.24),
                greek_number(with_vat),
                supplier.afm,
                supplier.name,
                greek_date(signed),
                greek_date(signed + timedelta(days=rng.randint(0, 5))),
                greek_date(signed + timedelta(days=rng.randint(60, 365))),
                new_ada(rng, body, used),
                related,
            ]
        )
    return [
        GeneratedSource(
            f"{municipality.code}-{DECISIONS_YEAR}-contracts.cp1253.csv",
            cp1253_csv(rows),
            "kimdis-contracts",
            {"year": DECISIONS_YEAR},
        )
    ]


# --- statistics: ELSTAT's population table and the indicator values ----------------------------


POPULATION_HEADER = (
    "Κωδικός;Δήμος;Σύνολο 2021;Άνδρες 2021;Γυναίκες 2021;Σύνολο 2011;Άνδρες 2011;Γυναίκες 2011"
)


@generator("population-census")
def population_census(
    municipality: Municipality, rng: Random, scale: float
) -> list[GeneratedSource]:
    """ELSTAT's table, the municipality's row: the 2021 total is the code list's (ELSTAT's);
    the split by sex and the 2011 figures are made up (the real table, where present, is used
    instead: see examples/demo.toml)."""
    total_2021 = municipality.population
    total_2011 = round(total_2021 * rng.uniform(0.92, 1.12))
    men_2021 = round(total_2021 * rng.uniform(0.47, 0.51))
    men_2011 = round(total_2011 * rng.uniform(0.47, 0.51))
    figures = (
        total_2021,
        men_2021,
        total_2021 - men_2021,
        total_2011,
        men_2011,
        total_2011 - men_2011,
    )
    rows = [
        ["Μόνιμος πληθυσμός δήμων κατά φύλο - Απογραφή 2021 (ΕΛΣΤΑΤ)"] + [""] * 7,
        [""] * 8,
        POPULATION_HEADER.split(";"),
        [
            municipality.code,
            plain_upper(genitive(municipality)),
            *(f"{figure:,}".replace(",", ".") for figure in figures),
        ],
    ]
    return [
        GeneratedSource(
            f"{municipality.code}-population.cp1253.csv", cp1253_csv(rows), "population-census"
        )
    ]


@dataclass(frozen=True)
class Indicator:
    identifier: str
    unit: str
    periods: str  # "year" or "month"
    typical: float  # for an average municipality
    per_size: bool  # grows with the municipality


INDICATORS = (
    Indicator("recycling-rate", "%", "year", 18.0, False),
    Indicator("waste-collected", "τόνοι", "month", 1400.0, True),
    Indicator("kep-requests", "αριθμός", "year", 21000.0, True),
    Indicator("street-lights-led", "%", "year", 55.0, False),
    Indicator("budget-per-resident", "€", "year", 740.0, False),
    Indicator("water-consumption", "κ.μ.", "month", 160000.0, True),
    Indicator("building-permits", "αριθμός", "month", 25.0, True),
    Indicator("library-loans", "αριθμός", "month", 900.0, True),
)


@generator("indicator-values")
def indicator_values(
    municipality: Municipality, rng: Random, scale: float
) -> list[GeneratedSource]:
    name = plain_upper(municipality.label_el)
    rows = [
        [f"{name} - ΤΙΜΕΣ ΔΕΙΚΤΩΝ (ενημέρωση 15/01/2025)", "", "", "", ""],
        [""] * 5,
        ["Κωδικός δείκτη", "Περίοδος", "Τιμή", "Μονάδα μέτρησης", "Παρατηρήσεις"],
    ]
    months = max(1, min(60, row_count(4, municipality, scale)))
    years = max(1, min(10, round(3 * scale)))
    for indicator in INDICATORS:
        typical = indicator.typical * (size_factor(municipality) if indicator.per_size else 1)
        if indicator.periods == "month":
            periods = [f"{(index % 12) + 1:02d}/{2024 - index // 12}" for index in range(months)]
        else:
            periods = [str(2024 - index) for index in range(years)]
        for period in periods:
            value = typical * rng.uniform(0.8, 1.2)
            if indicator.unit == "%":
                value = min(value, 100.0)
            rows.append(
                [
                    indicator.identifier,
                    period,
                    greek_number(value).rstrip("0").rstrip(","),
                    indicator.unit,
                    "",
                ]
            )
    return [
        GeneratedSource(
            f"{municipality.code}-indicators.cp1253.csv", cp1253_csv(rows), "indicator-values"
        )
    ]


# --- catalogue: the inventory of datasets -------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    title_el: str
    title_en: str
    description_el: str
    description_en: str
    area: str
    theme: str
    hvd: str
    frequency: str
    slug: str
    formats: tuple[str, ...]


INVENTORY = (
    Entry(
        "Εκτέλεση προϋπολογισμού εξόδων",
        "Expenditure budget execution",
        "Η κατάσταση εκτέλεσης του σκέλους εξόδων του προϋπολογισμού ανά υπηρεσία και Κ.Α.",
        "The execution of the expenditure side of the budget per service and KAE code.",
        "Οικονομικά",
        "Οικονομία και χρηματοοικονομικά θέματα",
        "",
        "Ετήσια",
        "ektelesi-exodon",
        ("CSV", "XLSX"),
    ),
    Entry(
        "Εκτέλεση προϋπολογισμού εσόδων",
        "Revenue budget execution",
        "Η κατάσταση εκτέλεσης του σκέλους εσόδων του προϋπολογισμού ανά Κ.Α.",
        "The execution of the revenue side of the budget per KAE code.",
        "Οικονομικά",
        "Οικονομία και χρηματοοικονομικά θέματα",
        "",
        "Ετήσια",
        "ektelesi-esodon",
        ("CSV",),
    ),
    Entry(
        "Αποφάσεις δημοτικού συμβουλίου",
        "Decisions of the municipal council",
        "Οι αποφάσεις του δημοτικού συμβουλίου όπως αναρτώνται στη Διαύγεια.",
        "The decisions of the municipal council as posted on Diavgeia.",
        "Αποφάσεις και πράξεις",
        "Κυβέρνηση και δημόσιος τομέας",
        "",
        "Κατά περίπτωση",
        "apofaseis",
        ("JSON",),
    ),
    Entry(
        "Συμβάσεις του δήμου",
        "Contracts of the municipality",
        "Οι συμβάσεις που καταχωρίζει ο δήμος στο ΚΗΜΔΗΣ.",
        "The contracts the municipality registers in ΚΗΜΔΗΣ.",
        "Δημόσιες συμβάσεις",
        "Οικονομία και χρηματοοικονομικά θέματα",
        "",
        "Μηνιαία",
        "symvaseis",
        ("CSV", "XLSX"),
    ),
    Entry(
        "Όργανα, υπηρεσίες και αιρετοί του δήμου",
        "Bodies, services and elected officials of the municipality",
        "Τα συλλογικά όργανα, οι οργανικές μονάδες και τα αιρετά αξιώματα.",
        "The collective bodies, the administrative units and the elected posts.",
        "Οργάνωση και διοίκηση",
        "GOVE",
        "",
        "Κατά περίπτωση",
        "organa",
        ("JSON",),
    ),
    Entry(
        "Μετρήσεις ποιότητας ατμοσφαιρικού αέρα",
        "Air quality measurements",
        "Ωριαίες τιμές ρύπων από τους σταθμούς μέτρησης.",
        "Hourly pollutant values from the monitoring stations.",
        "Περιβάλλον",
        "Περιβάλλον",
        "Αέρας",
        "Ωριαία",
        "aeras",
        ("CSV",),
    ),
    Entry(
        "Χώροι στάθμευσης και διαθέσιμες θέσεις",
        "Car parks and available spaces",
        "Οι δημοτικοί χώροι στάθμευσης με τις ελεύθερες θέσεις τους.",
        "The municipal car parks with their free spaces.",
        "Κινητικότητα",
        "Μεταφορές",
        "Κινητικότητα",
        "Σε πραγματικό χρόνο",
        "stathmeusi",
        ("JSON",),
    ),
    Entry(
        "Ποσότητες απορριμμάτων και ανακυκλώσιμων υλικών",
        "Quantities of waste and recyclables",
        "Μηνιαίες ποσότητες σύμμεικτων και ανακυκλώσιμων, σε τόνους.",
        "Monthly quantities of mixed waste and recyclables, in tonnes.",
        "Περιβάλλον",
        "ENVI",
        "Απόβλητα",
        "Μηνιαία",
        "aporrimmata",
        ("CSV", "XLSX"),
    ),
    Entry(
        "Μνημεία και μουσεία",
        "Monuments and museums",
        "Τα μνημεία και τα μουσεία του δήμου με τη θέση και τις ώρες λειτουργίας τους.",
        "The monuments and museums of the municipality with their location and opening hours.",
        "Πολιτισμός",
        "Παιδεία, πολιτιστικά θέματα και αθλητισμός",
        "",
        "Ετήσια",
        "mnimeia",
        ("GeoJSON",),
    ),
    Entry(
        "Μόνιμος πληθυσμός (Απογραφή 2021)",
        "Resident population (2021 census)",
        "Ο μόνιμος πληθυσμός κατά την Απογραφή 2021 της ΕΛΣΤΑΤ.",
        "The resident population in ELSTAT's 2021 census.",
        "Στατιστικά και δείκτες",
        "Πληθυσμός και κοινωνία",
        "Πληθυσμός",
        "Δεκαετής",
        "plithysmos",
        ("CSV",),
    ),
    Entry(
        "Δημοτικές εγκαταστάσεις",
        "Municipal facilities",
        "Τα σχολεία, τα αθλητικά κέντρα και οι λοιπές εγκαταστάσεις του δήμου με τη θέση τους.",
        "The schools, sports centres and other facilities of the municipality with their location.",
        "Τόποι και εγκαταστάσεις",
        "Κυβέρνηση και δημόσιος τομέας",
        "",
        "Ετήσια",
        "egkatastaseis",
        ("CSV", "GeoJSON"),
    ),
    Entry(
        "Υπηρεσίες του δήμου προς τους πολίτες",
        "Services of the municipality",
        "Οι υπηρεσίες που παρέχει ο δήμος, με τα δικαιολογητικά και τα κανάλια τους.",
        "The services the municipality provides, with their documents and channels.",
        "Υπηρεσίες προς πολίτες",
        "Κυβέρνηση και δημόσιος τομέας",
        "",
        "Κατά περίπτωση",
        "ypiresies",
        ("JSON",),
    ),
    Entry(
        "Πολιτιστικές εκδηλώσεις",
        "Cultural events",
        "Οι εκδηλώσεις του πολιτιστικού προγράμματος του δήμου.",
        "The events of the municipality's cultural programme.",
        "Πολιτισμός",
        "Παιδεία, πολιτιστικά θέματα και αθλητισμός",
        "",
        "Μηνιαία",
        "ekdiloseis",
        ("CSV",),
    ),
    Entry(
        "Μετρήσεις κατανάλωσης νερού",
        "Water consumption readings",
        "Οι ενδείξεις των υδρομέτρων των δημοτικών κτιρίων.",
        "The water meter readings of the municipal buildings.",
        "Δίκτυα κοινής ωφέλειας και αισθητήρες",
        "Περιβάλλον",
        "",
        "Τριμηνιαία",
        "nero",
        ("JSON",),
    ),
    Entry(
        "Τιμές δεικτών του δήμου",
        "Indicator values of the municipality",
        "Οι τιμές των δεικτών του Καταλόγου Δεικτών ανά περίοδο.",
        "The values of the indicators of the Catalogue of Indicators per period.",
        "Στατιστικά και δείκτες",
        "Πληθυσμός και κοινωνία",
        "",
        "Μηνιαία",
        "deiktes",
        ("CSV",),
    ),
)
INVENTORY_HEADER = (
    "Α/Α;Τίτλος συνόλου δεδομένων;Τίτλος (αγγλικά);Περιγραφή;Περιγραφή (αγγλικά);"
    "Λειτουργικό πεδίο;Θεματική κατηγορία;Κατηγορία υψηλής αξίας;Δεδομένα προσωπικού χαρακτήρα;"
    "Ανωνυμοποίηση;Συχνότητα ενημέρωσης;Τελευταία ενημέρωση;Αρμόδια υπηρεσία;Υπεύθυνος;Τηλέφωνο;"
    "Email επικοινωνίας;Άδεια;Χρέωση;Βάση χρέωσης;Σύνδεσμος λήψης;Μορφότυπος;Παρατηρήσεις"
)
INVENTORY_UNITS = (
    "Διεύθυνση Οικονομικών Υπηρεσιών",
    "Διεύθυνση Προγραμματισμού και Πληροφορικής",
    "Διεύθυνση Περιβάλλοντος και Καθαριότητας",
    "Γραφείο Δημοτικού Συμβουλίου",
)


@generator("data-inventory")
def data_inventory(municipality: Municipality, rng: Random, scale: float) -> list[GeneratedSource]:
    domain = f"{latin_name(municipality)}.gr"
    rows = [
        [plain_upper(municipality.label_el)] + [""] * 21,
        ["Διεύθυνση Προγραμματισμού, Οργάνωσης και Πληροφορικής"] + [""] * 21,
        ["Μητρώο συνόλων δεδομένων (άρθρο 65 ν. 4727/2020) - ενημέρωση Ιανουαρίου 2025"]
        + [""] * 21,
        [""] * 22,
        INVENTORY_HEADER.split(";"),
    ]
    count = row_count(7, municipality, scale, least=2)
    for number in range(1, count + 1):
        entry = INVENTORY[(number - 1) % len(INVENTORY)]
        edition = (number - 1) // len(INVENTORY)
        suffix_el = f" ({2024 - edition})" if edition else ""
        modified = day_in(rng, 2024)
        for index, file_format in enumerate(entry.formats):
            url = f"https://www.{domain}/opendata/{entry.slug}-{number}.{file_format.lower()}"
            # The dataset's cells on its first row only, as merged cells save.
            dataset_cells = [
                str(number),
                entry.title_el + suffix_el,
                entry.title_en + (f" ({2024 - edition})" if edition else ""),
                entry.description_el,
                entry.description_en,
                entry.area,
                entry.theme,
                entry.hvd,
                "ΟΧΙ",
                "",
                entry.frequency,
                f"{modified.day}/{modified.month}/{modified.year}",
                rng.choice(INVENTORY_UNITS),
                "",  # Υπεύθυνος: an employee's name, personal data; left empty here
                "",
                f"opendata@{domain}",
            ]
            if index:
                dataset_cells = [""] * len(dataset_cells)
            rows.append([*dataset_cells, "CC BY 4.0", "Δωρεάν", "", url, file_format, ""])
    return [
        GeneratedSource(
            f"{municipality.code}-data-inventory.cp1253.csv", cp1253_csv(rows), "data-inventory"
        )
    ]
