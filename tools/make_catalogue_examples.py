"""Write the example dataset inventory of examples/catalogue/, from the rows below.

Usage (from the repository root)::

    python tools/make_catalogue_examples.py           # (re)write the files
    python tools/make_catalogue_examples.py --check   # exit 1 if a file differs from the rows

A workbook cannot be reviewed by eye, so this script is its source. It imitates the inventory of
datasets a municipality keeps under law 4727/2020 in Excel: title rows above the header (the
municipality, the directorate that keeps it, the date), a header in the office's own words, one
row per distribution, the dataset's cells merged over its distributions (dataset 1) or repeated
on each of them (dataset 7), yes/no as ΝΑΙ/ΟΧΙ, dates as Excel dates, a description with a line
break typed in its cell, a download address with spaces in the file name, and columns the
mapping does not read: the responsible employee's name and telephone (personal data: the reader
drops them; the names and numbers here are fictitious) and free notes.

The .cp1253.csv is the same sheet as a Greek Excel saves it «CSV (διαχωρισμένο με ελληνικό
ερωτηματικό)»: `;`-separated, Windows-1253, CRLF, dates as d/m/yyyy, merged cells empty below
their first row, a cell with a line break in quotes.

``--check`` compares the CSV byte for byte and the workbook cell by cell (its zip container
holds timestamps, so two writes of the same cells differ in bytes).

Δήμος Καλαμάτας (4401). The datasets are plausible, not the municipality's actual inventory;
the addresses are invented.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "examples" / "catalogue"
WORKBOOK = OUT_DIR / "4401-data-inventory.xlsx"
TEXT = OUT_DIR / "4401-data-inventory.cp1253.csv"
SHEET = "Μητρώο"

TITLE_ROWS = [
    "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ",
    "Διεύθυνση Προγραμματισμού, Οργάνωσης και Πληροφορικής",
    "Μητρώο συνόλων δεδομένων (άρθρο 65 ν. 4727/2020) - ενημέρωση Ιανουαρίου 2025",
]

HEADER = [
    "Α/Α",
    "Τίτλος συνόλου δεδομένων",
    "Τίτλος (αγγλικά)",
    "Περιγραφή",
    "Περιγραφή (αγγλικά)",
    "Λειτουργικό πεδίο",
    "Θεματική κατηγορία",
    "Κατηγορία υψηλής αξίας",
    "Δεδομένα προσωπικού χαρακτήρα",
    "Ανωνυμοποίηση",
    "Συχνότητα ενημέρωσης",
    "Τελευταία ενημέρωση",
    "Αρμόδια υπηρεσία",
    "Υπεύθυνος",
    "Τηλέφωνο",
    "Email επικοινωνίας",
    "Άδεια",
    "Χρέωση",
    "Βάση χρέωσης",
    "Σύνδεσμος λήψης",
    "Μορφότυπος",
    "Παρατηρήσεις",
]
# The columns that describe a dataset (merged over its distributions in the workbook).
DATASET_HEADERS = HEADER[:16]

OPENDATA = "opendata@kalamata.gr"
SITE = "https://www.kalamata.gr/opendata/"

# One dict per dataset; "distributions" holds (licence, charging, basis, url, format, notes).
DATASETS: list[dict[str, object]] = [
    {
        "Α/Α": 1,
        "Τίτλος συνόλου δεδομένων": "Εκτέλεση προϋπολογισμού εξόδων 2024",
        "Τίτλος (αγγλικά)": "Expenditure budget execution 2024",
        "Περιγραφή": "Η κατάσταση εκτέλεσης του σκέλους εξόδων του προϋπολογισμού 2024 ανά "
        "υπηρεσία και Κ.Α.:\nπροϋπολογισθέντα, διαμορφωθέντα, δεσμευθέντα, ενταλθέντα και "
        "πληρωθέντα ποσά.",
        "Περιγραφή (αγγλικά)": "The execution of the expenditure side of the 2024 budget per "
        "service and KAE code: budgeted, adjusted, committed, authorised and paid amounts.",
        "Λειτουργικό πεδίο": "Οικονομικά",
        "Θεματική κατηγορία": "Οικονομία και χρηματοοικονομικά θέματα; Κυβέρνηση και δημόσιος "
        "τομέας",
        "Κατηγορία υψηλής αξίας": "",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Ανωνυμοποίηση": "",
        "Συχνότητα ενημέρωσης": "Ετήσια",
        "Τελευταία ενημέρωση": datetime.date(2025, 2, 14),
        "Αρμόδια υπηρεσία": "Διεύθυνση Οικονομικών Υπηρεσιών",
        "Υπεύθυνος": "Α. Παπαδημητρίου",
        "Τηλέφωνο": "2721099101",
        "Email επικοινωνίας": OPENDATA,
        "merged": True,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "Εκτέλεση προϋπολογισμού 2024.xlsx", "XLSX", ""),
            ("CC BY 4.0", "Δωρεάν", "", SITE + "ektelesi-proypologismou-2024.csv", "CSV", ""),
        ],
    },
    {
        "Α/Α": 2,
        "Τίτλος συνόλου δεδομένων": "Αποφάσεις δημοτικού συμβουλίου",
        "Τίτλος (αγγλικά)": "Decisions of the municipal council",
        "Περιγραφή": "Οι αποφάσεις του δημοτικού συμβουλίου όπως αναρτώνται στη Διαύγεια, με "
        "ΑΔΑ, θέμα και ημερομηνία.",
        "Περιγραφή (αγγλικά)": "The decisions of the municipal council as posted on Diavgeia, "
        "with their ΑΔΑ, subject and date.",
        "Λειτουργικό πεδίο": "Αποφάσεις και πράξεις",
        "Θεματική κατηγορία": "Κυβέρνηση και δημόσιος τομέας",
        "Δεδομένα προσωπικού χαρακτήρα": "Όχι",
        "Συχνότητα ενημέρωσης": "Κατά περίπτωση",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 30),
        "Αρμόδια υπηρεσία": "Γραφείο Δημοτικού Συμβουλίου",
        "Υπεύθυνος": "Ε. Σταυροπούλου",
        "Τηλέφωνο": "2721099102",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", "https://diavgeia.gov.gr/f/kalamata", "HTML", ""),
        ],
    },
    {
        "Α/Α": 3,
        "Τίτλος συνόλου δεδομένων": "Όργανα, υπηρεσίες και αιρετοί του δήμου",
        "Τίτλος (αγγλικά)": "Bodies, services and elected officials of the municipality",
        "Περιγραφή": "Τα συλλογικά όργανα, οι οργανικές μονάδες του Οργανισμού Εσωτερικής "
        "Υπηρεσίας και τα αιρετά αξιώματα με τις θητείες τους.",
        "Περιγραφή (αγγλικά)": "The collective bodies, the administrative units of the internal "
        "organisation regulation and the elected posts with their terms of office.",
        "Λειτουργικό πεδίο": "Οργάνωση και διοίκηση",
        "Θεματική κατηγορία": "GOVE",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Κατά περίπτωση",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 9),
        "Αρμόδια υπηρεσία": "Τμήμα Υποστήριξης Πολιτικών Οργάνων",
        "Υπεύθυνος": "Κ. Αλεξανδρόπουλος",
        "Τηλέφωνο": "2721099103",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "organa-kai-airetoi.json", "JSON", ""),
        ],
    },
    {
        "Α/Α": 4,
        "Τίτλος συνόλου δεδομένων": "Μετρήσεις ποιότητας ατμοσφαιρικού αέρα",
        "Τίτλος (αγγλικά)": "Air quality measurements",
        "Περιγραφή": "Ωριαίες τιμές PM10, PM2,5, NO2 και O3 από τους σταθμούς μέτρησης του δήμου.",
        "Περιγραφή (αγγλικά)": "Hourly PM10, PM2.5, NO2 and O3 values from the municipality's "
        "monitoring stations.",
        "Λειτουργικό πεδίο": "Περιβάλλον",
        "Θεματική κατηγορία": "Περιβάλλον",
        "Κατηγορία υψηλής αξίας": "Αέρας",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Ωριαία",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 31),
        "Αρμόδια υπηρεσία": "Διεύθυνση Περιβάλλοντος και Καθαριότητας",
        "Υπεύθυνος": "Δ. Κωνσταντίνου",
        "Τηλέφωνο": "2721099104",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "aera/metriseis.csv", "CSV", ""),
        ],
    },
    {
        "Α/Α": 5,
        "Τίτλος συνόλου δεδομένων": "Χώροι στάθμευσης και διαθέσιμες θέσεις",
        "Τίτλος (αγγλικά)": "Car parks and available spaces",
        "Περιγραφή": "Οι δημοτικοί χώροι στάθμευσης με τη χωρητικότητα και τις ελεύθερες θέσεις "
        "τους, από τους αισθητήρες των εισόδων.",
        "Περιγραφή (αγγλικά)": "The municipal car parks with their capacity and free spaces, "
        "from the sensors at their entrances.",
        "Λειτουργικό πεδίο": "Κινητικότητα",
        "Θεματική κατηγορία": "Μεταφορές",
        "Κατηγορία υψηλής αξίας": "Κινητικότητα",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Σε πραγματικό χρόνο",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 31),
        "Αρμόδια υπηρεσία": "Τμήμα Συγκοινωνιών",
        "Υπεύθυνος": "Ν. Γεωργίου",
        "Τηλέφωνο": "2721099105",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", "https://parking.kalamata.gr/api/v1/spaces", "JSON", ""),
        ],
    },
    {
        "Α/Α": 6,
        "Τίτλος συνόλου δεδομένων": "Αιτήματα δημοτών για καθαριότητα και ηλεκτροφωτισμό",
        "Τίτλος (αγγλικά)": "Residents' requests on cleaning and street lighting",
        "Περιγραφή": "Τα αιτήματα που υποβάλλουν οι δημότες στην πλατφόρμα εξυπηρέτησης, με "
        "ημέρα, οδό, είδος αιτήματος και ημέρα διεκπεραίωσης.",
        "Περιγραφή (αγγλικά)": "The requests residents file on the service platform, with the "
        "day, the street, the kind of request and the day it was dealt with.",
        "Λειτουργικό πεδίο": "Υπηρεσίες προς πολίτες",
        "Θεματική κατηγορία": "Κυβέρνηση και δημόσιος τομέας",
        "Δεδομένα προσωπικού χαρακτήρα": "ΝΑΙ",
        "Ανωνυμοποίηση": "Αφαιρούνται το ονοματεπώνυμο, το τηλέφωνο και το email του αιτούντος "
        "και το κείμενο του αιτήματος· η διεύθυνση γενικεύεται στην οδό και η ώρα στην ημέρα.",
        "Συχνότητα ενημέρωσης": "Μηνιαία",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 5),
        "Αρμόδια υπηρεσία": "Γραφείο Εξυπηρέτησης Δημοτών",
        "Υπεύθυνος": "Μ. Ιωαννίδου",
        "Τηλέφωνο": "2721099106",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "aitimata-dimoton.csv", "CSV", ""),
        ],
    },
    {
        "Α/Α": 7,
        "Τίτλος συνόλου δεδομένων": "Ποσότητες απορριμμάτων και ανακυκλώσιμων υλικών",
        "Τίτλος (αγγλικά)": "Quantities of waste and recyclables",
        "Περιγραφή": "Μηνιαίες ποσότητες σύμμεικτων, ανακυκλώσιμων και βιοαποβλήτων που "
        "συλλέγει ο δήμος, σε τόνους.",
        "Περιγραφή (αγγλικά)": "Monthly quantities of mixed waste, recyclables and bio-waste "
        "the municipality collects, in tonnes.",
        "Λειτουργικό πεδίο": "Περιβάλλον",
        "Θεματική κατηγορία": "ENVI",
        "Κατηγορία υψηλής αξίας": "Απόβλητα",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Μηνιαία",
        "Τελευταία ενημέρωση": datetime.date(2025, 1, 10),
        "Αρμόδια υπηρεσία": "Διεύθυνση Περιβάλλοντος και Καθαριότητας",
        "Υπεύθυνος": "Δ. Κωνσταντίνου",
        "Τηλέφωνο": "2721099104",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "aporrimmata-2024.xlsx", "Excel (XLSX)", ""),
            ("CC BY 4.0", "Δωρεάν", "", SITE + "aporrimmata-2024.csv", "csv", "ίδια στοιχεία"),
        ],
    },
    {
        "Α/Α": 8,
        "Τίτλος συνόλου δεδομένων": "Μνημεία και μουσεία",
        "Τίτλος (αγγλικά)": "Monuments and museums",
        "Περιγραφή": "Τα μνημεία και τα μουσεία του δήμου με τη θέση, την περιγραφή και τις "
        "ώρες λειτουργίας τους.",
        "Περιγραφή (αγγλικά)": "The monuments and museums of the municipality with their "
        "location, description and opening hours.",
        "Λειτουργικό πεδίο": "Πολιτισμός",
        "Θεματική κατηγορία": "Παιδεία, πολιτιστικά θέματα και αθλητισμός",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Ετήσια",
        "Τελευταία ενημέρωση": datetime.date(2024, 11, 20),
        "Αρμόδια υπηρεσία": "Τμήμα Πολιτισμού",
        "Υπεύθυνος": "Ι. Μαρκόπουλος",
        "Τηλέφωνο": "2721099108",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC0", "Δωρεάν", "", SITE + "mnimeia.geojson", "GeoJSON", ""),
        ],
    },
    {
        "Α/Α": 9,
        "Τίτλος συνόλου δεδομένων": "Ψηφιοποιημένο φωτογραφικό αρχείο",
        "Τίτλος (αγγλικά)": "Digitised photographic archive",
        "Περιγραφή": "Ιστορικές φωτογραφίες της πόλης από το δημοτικό αρχείο, σε ψηφιακά "
        "αντίγραφα υψηλής ανάλυσης που χορηγούνται κατόπιν αίτησης.",
        "Περιγραφή (αγγλικά)": "Historical photographs of the town from the municipal archive, "
        "as high-resolution digital copies supplied on request.",
        "Λειτουργικό πεδίο": "Πολιτισμός",
        "Θεματική κατηγορία": "EDUC",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Ακανόνιστη",
        "Τελευταία ενημέρωση": datetime.date(2024, 6, 3),
        "Αρμόδια υπηρεσία": "Δημοτικό Αρχείο",
        "Υπεύθυνος": "Σ. Δημάκη",
        "Τηλέφωνο": "2721099109",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            (
                "CC BY 4.0",
                "Βιβλιοθήκη, μουσείο ή αρχείο",
                "Χρέωση ανά φωτογραφία για την ψηφιοποίηση και τη διατήρηση του αρχείου, όπως "
                "την όρισε απόφαση του δημοτικού συμβουλίου.",
                SITE + "fotografiko-archeio",
                "ZIP",
                "",
            ),
        ],
    },
    {
        "Α/Α": 10,
        "Τίτλος συνόλου δεδομένων": "Μόνιμος πληθυσμός ανά δημοτική κοινότητα (Απογραφή 2021)",
        "Τίτλος (αγγλικά)": "Resident population by community (2021 census)",
        "Περιγραφή": "Ο μόνιμος πληθυσμός κάθε δημοτικής και τοπικής κοινότητας κατά την "
        "Απογραφή 2021 της ΕΛΣΤΑΤ.",
        "Περιγραφή (αγγλικά)": "",
        "Λειτουργικό πεδίο": "Στατιστικά και δείκτες",
        "Θεματική κατηγορία": "Πληθυσμός και κοινωνία",
        "Κατηγορία υψηλής αξίας": "Πληθυσμός",
        "Δεδομένα προσωπικού χαρακτήρα": "ΟΧΙ",
        "Συχνότητα ενημέρωσης": "Δεκαετής",
        "Τελευταία ενημέρωση": datetime.date(2023, 3, 17),
        "Αρμόδια υπηρεσία": "Διεύθυνση Προγραμματισμού, Οργάνωσης και Πληροφορικής",
        "Υπεύθυνος": "Π. Ρήγας",
        "Τηλέφωνο": "2721099110",
        "Email επικοινωνίας": OPENDATA,
        "distributions": [
            ("CC BY 4.0", "Δωρεάν", "", SITE + "plithysmos-2021.csv", "CSV", ""),
        ],
    },
]


def sheet_rows() -> tuple[list[list[object]], list[tuple[int, int, int]]]:
    """The rows of the sheet (title rows, a blank row, the header, the data) and the ranges to
    merge as (first row, last row, column), 1-based."""
    rows: list[list[object]] = [[title] for title in TITLE_ROWS]
    rows += [[], list(HEADER)]
    merges = []
    for dataset in DATASETS:
        distributions = dataset["distributions"]
        assert isinstance(distributions, list)
        first = len(rows) + 1
        for number, (licence, charging, basis, url, file_type, notes) in enumerate(distributions):
            repeat = number == 0 or not dataset.get("merged")
            row = [dataset.get(name, "") if repeat else "" for name in DATASET_HEADERS]
            rows.append(row + [licence, charging, basis, url, file_type, notes])
        if dataset.get("merged") and len(distributions) > 1:
            merges += [(first, first + len(distributions) - 1, c) for c in range(1, 17)]
    return rows, merges


def write_workbook(path: Path) -> None:
    rows, merges = sheet_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for row in rows:
        sheet.append([cell if cell != "" else None for cell in row])
    sheet["A1"].font = Font(bold=True, size=14)
    header_row = len(TITLE_ROWS) + 2
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for first, last, column in merges:
        sheet.merge_cells(start_row=first, end_row=last, start_column=column, end_column=column)
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
    fixed = datetime.datetime(2025, 1, 31, 12, 0, 0)
    workbook.properties.creator = "Δήμος Καλαμάτας"
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.save(path)


def csv_bytes() -> bytes:
    """The sheet as a Greek Excel saves it as CSV."""
    rows, _ = sheet_rows()
    width = len(HEADER)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        cells = [_excel_text(cell) for cell in row] + [""] * (width - len(row))
        writer.writerow(cells)
    return out.getvalue().encode("cp1253")


def _excel_text(cell: object) -> str:
    if isinstance(cell, datetime.date):
        return f"{cell.day}/{cell.month}/{cell.year}"
    return "" if cell is None else str(cell)


def workbook_cells(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path)
    try:
        sheet = workbook[SHEET]
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        merged = sorted(str(ranged) for ranged in sheet.merged_cells.ranges)
        return [*cells, merged]
    finally:
        workbook.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / WORKBOOK.name
        write_workbook(fresh)
        text = csv_bytes()
        if arguments.check:
            stale = []
            if not WORKBOOK.is_file() or workbook_cells(WORKBOOK) != workbook_cells(fresh):
                stale.append(str(WORKBOOK))
            if not TEXT.is_file() or TEXT.read_bytes() != text:
                stale.append(str(TEXT))
            if stale:
                print(
                    "make_catalogue_examples: out of date, run python "
                    f"tools/make_catalogue_examples.py: {', '.join(stale)}",
                    file=sys.stderr,
                )
                return 1
            return 0
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        WORKBOOK.write_bytes(fresh.read_bytes())
        TEXT.write_bytes(text)
    print(f"wrote {WORKBOOK} and {TEXT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
