"""Write the environment example workbooks in examples/environment/, and the broken copies the
mapping cases use in tests/cases/mappings/environment/.

Usage (from the repository root)::

    python tools/make_environment_examples.py             # (re)write the files
    python tools/make_environment_examples.py --out DIR   # write them under DIR instead

The content below is the single source. A workbook's bytes change with every save (openpyxl
stamps the time), so tests/test_source_waste.py regenerates the files into a temporary folder and
compares their cell values with the committed ones.

- ``0701-air-quality.xlsx`` imitates the Municipality of Thessaloniki's air-quality workbook
  (metriseis_atmosfairikis_rypansis_dimotikoy_diktyoy_2010_2013.xlsx): a bibliographic sheet, a
  sheet of station characteristics (the real stations' names, start years, DMS coordinates with
  «Μήκος» and «Πλάτος» the wrong way round, as in the original), one sheet per station with a
  multi-line header, year-marker rows, Excel dates, «#» where an analyser gave nothing. The
  measurements are invented, a few days around New Year 2013 and the change to summer time
  (31/3/2013).
- ``4401-waste.xlsx`` imitates the waste-quantity workbook of a municipal cleaning department
  (Kalamata): sheet «2023» in the wide layout (one column per stream, a total column and row),
  sheet «2024» in the long layout (month written once per block, subtotals, the quantity as a
  number or as Greek-formatted text), title rows, a signature under the grand total. Quantities
  are invented but plausible.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

REPO = Path(__file__).resolve().parent.parent
CASES = Path("tests/cases/mappings/environment")
#: A fixed creation time, so that the document properties do not change from run to run.
CREATED = datetime.datetime(2025, 1, 1)

# --- air quality -------------------------------------------------------------------------------

AQ_HEADER_START = ["A.A.", "Ημερο -\nμηνία", "Ημέρα"]
# (register row, sheet, title cell, pollutant headers, days)
STATIONS = [
    (
        [1, "Σταθμός οδού Εγνατίας\nκαι Ίωνος Δραγούμη", 1989, "40ο 38' 15.62''Ν",
         "22ο 56' 28.68''Ε", 11.3, "Αστικός -\n Κυκλοφορίας",
         "Εμπορικό κέντρο\n πόλης (Σημείο κυκλοφοριακής αιχμής)"],
        "Στ. ΕΓΝΑΤΙΑΣ",
        "Στ. Ατμοσφαιρικής\nΡύπανσης\n  οδού Εγνατίας\n(Κέντρο Πόλης)\n",
        ["SO2\nμg/m3", "PM10\nμg/m3", "PM2,5\nμg/m3", "CO\nmg/m3", "NO\nμg/m3", "NO2\nμg/m3",
         "O3\nμg/m3"],
        [
            ("ΕΤΟΣ 2012", datetime.date(2012, 12, 29), [9, 58, 31, 2.4, 121, 88, 14]),
            (None, datetime.date(2012, 12, 30), [7, 46, 27, 1.9, 97, 79, 18]),
            (None, datetime.date(2012, 12, 31), [11, 71, 44, 3.1, 168, 95, 9]),
            ("ΕΤΟΣ 2013", datetime.date(2013, 1, 1), [14, 123, 76, 4.5, 330, 117, 12]),
            (None, datetime.date(2013, 1, 2), [8, 64, 35, 2.2, 140, 101, 16]),
            (None, datetime.date(2013, 1, 3), [None, 39, None, 1.6, 88, 84, 21]),
            ("ΕΤΟΣ 2014", None, [None] * 7),
        ],
    ),
    (
        [3, "Σταθμός οδού Λαγκαδά\nκαι Κουτηφάρη", 1992, "40ο 39' 08.23''Ν",
         "22ο 56' 06.06''Ε", 38.24, "Αστικός -\n Κυκλοφορίας",
         "Δυτική Θεσσαλονίκη\n(Κυκλοφοριακή αρτηρία,\nπυκνοκατοικιμένη περιοχή) "],
        "Στ. ΛΑΓΚΑΔΑ",
        "Στ. Ατμοσφαιρικής\nΡύπανσης\n  οδού Λαγκαδά\n(Δυτ. Θεσ/νίκη)",
        ["SO2\nμg/m3", "PM10\nμg/m3", "CO\nmg/m3", "NO\nμg/m3", "NO2\nμg/m3", "O3\nμg/m3"],
        [
            ("ΕΤΟΣ 2013", datetime.date(2013, 3, 28), [6, 41, "#", 45, 52, 38]),
            (None, datetime.date(2013, 3, 29), [5, 37, "#", 39, 47, 44]),
            # A date and a value typed in as text, as happens when a day is filled in by hand.
            (None, "30/03/2013", [4, 29, 0.6, 22, 38, 57]),
            (None, datetime.date(2013, 3, 31), [3, 22, "0,4", 15, 31, 66]),
            (None, datetime.date(2013, 4, 1), [7, 48, 0.9, 58, 61, 35]),
            (None, datetime.date(2013, 4, 2), [8, 55, 1.1, 71, 66, 29]),
        ],
    ),
    (
        [6, "Σταθμός Νέου Δημαρχείου\nοδός Βασ. Γεωργίου Α 1", 2012, "40ο 38' 25.40''Ν",
         "22ο 57' 14,41''Ε", 23.6, "Αστικός -\n Κυκλοφορίας", "Γεωγραφικό κέντρο πόλης"],
        "Στ. ΝΕΟΥ ΔΗΜΑΡΧΕΙΟΥ",
        "Στ. Ατμοσφαιρικής\nΡύπανσης\n  Νέου Δημαρχείου\n(Γεωγραφικό\nκέντρο πόλης)",
        ["SO2\nμg/m3", "PM10\nμg/m3", "PM2,5\nμg/m3", "CO\nmg/m3", "NO\nμg/m3", "NO2\nμg/m3",
         "O3\nμg/m3"],
        [
            ("ΕΤΟΣ 2012", datetime.date(2012, 12, 30), [None] * 7),
            (None, datetime.date(2012, 12, 31), [None] * 7),
            ("ΕΤΟΣ 2013", datetime.date(2013, 1, 1), [None, 98, 61, None, 141, 72, 15]),
            (None, datetime.date(2013, 1, 2), [None, 51, 30, None, 77, 65, 22]),
        ],
    ),
]  # fmt: skip
REGISTER_HEADER = ["Α/Α", "Όνομα\nΣυμβολή οδών", "Έναρξη\nΛειτουργίας (Έτος)",
                   "Γεωγραφικό\nΜήκος", "Γεωγραφικό\nΠλάτος", "Υψόμετρο\nm-asl",
                   "Χαρακτηρισμός", "Παρατηρήσεις"]  # fmt: skip
BETA = "Beta gauge method\nΜέθοδος απορρόφησης\nακτινοβολίας β"
CHEMILUMINESCENCE = "Chemiluminiscence\nΠροσδιορισμός \nμε Χημειοφωταύγεια"
METHODS = [
    ("Διοξείδιο\n του Θείου (SO2)", "UV. Fluorescence\nΦθορισμομετρικός προσδιορισμός"),
    ("Αιωρούμενα\n Σωματίδια (PM10)", BETA),
    ("Αιωρούμενα\n Σωματίδια (PM2,5)", BETA),
    ("Μονοξείδιο\n του Άνθρακα (CO)", "Infra Red GFC\nΜέθοδος μη διαχεόμενης\nΙR ακτινοβολίας"),
    ("Μονοξείδιο\n του Αζώτου (ΝO)", CHEMILUMINESCENCE),
    ("Διοξείδιο\n του Αζώτου (ΝO2)", CHEMILUMINESCENCE),
    ("Όζον (Ο3)", "UV Absorption\nΦασματοφωτομετρικός\nπροσδιορισμός"),
]
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")


def air_quality() -> Workbook:
    workbook = new_workbook()
    bibliography = workbook.create_sheet("Βιβλιογρ. Αναφορά")
    for row, text in [
        (2, "Οι Τεχνικές Εκθέσεις της περιόδου 2012 - 2013 σε ηλεκτρονική μορφή"),
        (4, "Η χρήση των δεδομένων είναι ελεύθερη. \nΗ βιβλιογραφική αναφορά της χρήσης των "
            "δεδομένων δίνεται παρακάτω:"),
        (6, "Βιβλιογραφική Αναφορά"),
        (8, "Α.Κ. Παπαδοπούλου, Β.Ν. Οικονόμου (2012-2013), Τεχνικές Εκθέσεις - Αποτελέσματα "
            "Μετρήσεων Δημοτικού Δικτύου Ελέγχου Ατμοσφαιρικής Ρύπανσης, Δήμος Θεσσαλονίκης."),
    ]:  # fmt: skip
        bibliography.cell(row, 2, text)
    register = workbook.create_sheet("Χαρακτηριστικά Σταθμών")
    register.cell(2, 1, "Χαρακτηριστικά Σταθμών Ελέγχου Ατμοσφαιρικής Ρύπανσης και "
                  "Μετεωρολογικών Πραμέτρων του Δήμου Θεσσαλονίκης\nΜετρούμενοι Ρύποι και "
                  "Μέθοδος Μέτρησης ")  # fmt: skip
    register.merge_cells("A2:H2")
    register.cell(4, 2, "Σταθμοί Ελέγχου Ατμοσφαιρικής Ρύπανσης Δήμου Θεσσαλονίκης ")
    register.cell(5, 4, "Θέση")
    register.merge_cells("D5:E5")
    put_row(register, 6, REGISTER_HEADER, WRAP)
    for offset, (row, *_) in enumerate(STATIONS):
        put_row(register, 7 + offset, row)
    methods = 7 + len(STATIONS) + 1
    register.cell(methods, 2, "Μετρούμενοι ρύποι και μέθοδος μέτρησης")
    put_row(register, methods + 2, ["Ατμοσφαιρικός Ρύπος", "Χρονική βάση\nμετρήσεων ",
                                    "Μέθοδος μέτρησης"], WRAP)  # fmt: skip
    for offset, (pollutant, method) in enumerate(METHODS):
        put_row(register, methods + 3 + offset, [pollutant, "1 ώρα", method])
    for _, name, title, pollutants, days in STATIONS:
        station_sheet(workbook.create_sheet(name), title, pollutants, days)
    return workbook


def station_sheet(
    sheet: Worksheet,
    title: str,
    pollutants: list[str],
    days: list[tuple[str | None, datetime.date | str | None, list[object]]],
) -> None:
    put_row(sheet, 1, [title, *AQ_HEADER_START, *pollutants], WRAP)
    for offset, (marker, day, readings) in enumerate(days):
        row = 2 + offset
        # A.A. counts days from 1/1/1989, when the network's first station opened.
        number = None
        if isinstance(day, datetime.date):
            number = (day - datetime.date(1989, 1, 1)).days + 1
        weekday = day if isinstance(day, datetime.date) else None
        put_row(sheet, row, [marker, number, day, weekday, *readings])
        for column, style in ((3, "dd/mm/yyyy"), (4, "dddd")):
            sheet.cell(row, column).number_format = style
        sheet.cell(row, 1).font = Font(bold=True)


# --- waste -------------------------------------------------------------------------------------

MONTH_NAMES = ["ΙΑΝΟΥΑΡΙΟΣ", "ΦΕΒΡΟΥΑΡΙΟΣ", "ΜΑΡΤΙΟΣ", "ΑΠΡΙΛΙΟΣ", "ΜΑΪΟΣ", "ΙΟΥΝΙΟΣ",
               "ΙΟΥΛΙΟΣ", "ΑΥΓΟΥΣΤΟΣ", "ΣΕΠΤΕΜΒΡΙΟΣ", "ΟΚΤΩΒΡΙΟΣ", "ΝΟΕΜΒΡΙΟΣ",
               "ΔΕΚΕΜΒΡΙΟΣ"]  # fmt: skip
WIDE_HEADER = ["ΜΗΝΑΣ", "ΣΥΜΜΕΙΚΤΑ\n(ΠΡΑΣΙΝΟΣ ΚΑΔΟΣ)", "ΑΝΑΚΥΚΛΩΣΙΜΑ\n(ΜΠΛΕ ΚΑΔΟΣ)",
               "ΓΥΑΛΙ\n(ΚΑΜΠΑΝΕΣ)", "ΟΡΓΑΝΙΚΑ\n(ΚΑΦΕ ΚΑΔΟΣ)", "ΚΛΑΔΕΜΑΤΑ", "ΣΥΝΟΛΟ"]  # fmt: skip
# 2023, tonnes per month: mixed, blue bin, glass, brown bin (from June), green waste.
WIDE_2023 = [
    [2385.4, 171.2, 19.8, None, 118.5],
    [2190.7, 158.9, 17.1, None, 104.0],
    [2402.3, 176.4, 20.5, None, 162.8],
    [2451.9, 180.0, 21.9, None, 188.3],
    [2533.6, 185.7, 23.4, None, 171.6],
    [2618.2, 190.3, 26.8, 41.2, 140.9],
    [2874.5, 204.6, 31.7, 63.5, 97.4],
    [2951.0, 211.8, 33.9, 70.1, 88.2],
    [2640.8, 193.5, 27.6, 74.8, 109.7],
    [2496.1, 182.2, 22.3, 80.6, 143.1],
    [2371.3, 174.9, 20.2, 85.3, 176.5],
    [2507.8, 195.6, 28.4, 91.0, 152.3],
]
# 2024, long layout: (month cell, stream cell, quantity cell, facility, remark).
LONG_2024: list[tuple[str, str, object, str, str]] = [
    ("Ιανουάριος", "Σύμμεικτα", 2410.5, "ΜΕΑ Καλαμάτας", ""),
    ("", "Ανακυκλώσιμα/μπλε κάδος", "182,30", "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Γυαλί", 21.4, "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Οργανικά/καφέ κάδος", 96.75, "ΜΕΑ Καλαμάτας", ""),
    ("", "Κλαδέματα", 131, "Χώρος κλαδεμάτων", ""),
    ("", "Σύνολο Ιανουαρίου", None, "", ""),
    ("Φεβρουάριος", "Σύμμικτα", 2233.8, "ΜΕΑ Καλαμάτας", ""),
    ("", "Ανακυκλώσιμα/μπλε κάδος", "169,45", "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Γυαλί", 18.9, "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Οργανικά/καφέ κάδος", 101.2, "ΜΕΑ Καλαμάτας", ""),
    ("", "Κλαδέματα", 148.6, "Χώρος κλαδεμάτων", ""),
    ("", "Ογκώδη", 18.6, "ΜΕΑ Καλαμάτας", "Ειδική αποκομιδή μετά το Καρναβάλι"),
    ("", "Σύνολο Φεβρουαρίου", None, "", ""),
    ("ΜΑΡΤΙΟΣ", "Σύμμεικτα", 2458.25, "ΜΕΑ Καλαμάτας", ""),
    ("", "Ανακυκλώσιμα/μπλε κάδος", "187,10", "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Γυαλί", 22.05, "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Οργανικά/καφέ κάδος", 108.4, "ΜΕΑ Καλαμάτας", ""),
    ("", "Κλαδέματα", 176.3, "Χώρος κλαδεμάτων", ""),
    ("", "Ογκώδη", None, "", "Δεν έγινε αποκομιδή ογκωδών"),
    ("", "Σύνολο Μαρτίου", None, "", ""),
    ("Απρίλιος", "Σύμμεικτα", "2.487,60", "ΜΕΑ Καλαμάτας", "Ζύγιση γεφυροπλάστιγγας ΜΕΑ"),
    ("", "Ανακυκλώσιμα/μπλε κάδος", "190,85", "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Γυαλί", 23.7, "ΚΔΑΥ Καλαμάτας", ""),
    ("", "Οργανικά/καφέ κάδος", 112.9, "ΜΕΑ Καλαμάτας", ""),
    ("", "Κλαδέματα", 201.15, "Χώρος κλαδεμάτων", ""),
    ("", "Ογκώδη", 24.3, "ΜΕΑ Καλαμάτας", ""),
    ("", "Σύνολο Απριλίου", None, "", ""),
]
LONG_HEADER = ["Μήνας", "Ρεύμα αποβλήτων", "Ποσότητα (τόνοι)", "Εγκατάσταση παραλαβής",
               "Παρατηρήσεις"]  # fmt: skip


def waste() -> Workbook:
    workbook = new_workbook()
    wide = workbook.create_sheet("2023")
    wide.cell(1, 1, "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ").font = Font(bold=True)
    wide.cell(2, 1, "ΔΙΕΥΘΥΝΣΗ ΠΕΡΙΒΑΛΛΟΝΤΟΣ ΚΑΙ ΚΑΘΑΡΙΟΤΗΤΑΣ")
    wide.cell(3, 1, "ΠΟΣΟΤΗΤΕΣ ΑΠΟΒΛΗΤΩΝ ΕΤΟΥΣ 2023 (σε τόνους)")
    for row in (1, 2, 3):
        wide.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    put_row(wide, 5, WIDE_HEADER, WRAP)
    for offset, (month, amounts) in enumerate(zip(MONTH_NAMES, WIDE_2023, strict=True)):
        put_row(wide, 6 + offset, [month, *amounts, total(amounts)], number="#,##0.0")
    columns = list(zip(*WIDE_2023, strict=True))
    put_row(wide, 18, ["ΣΥΝΟΛΟ", *map(total, columns), total(map(total, columns))],
            number="#,##0.0", bold=True)  # fmt: skip
    put_row(wide, 20, [None, None, None, None, "Καλαμάτα, 31/01/2024"])
    put_row(wide, 21, [None, None, None, None, "Ο Προϊστάμενος Τμήματος"])
    put_row(wide, 23, [None, None, None, None, "Γ. Αναστασίου"])

    long = workbook.create_sheet("2024")
    long.cell(1, 1, "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ").font = Font(bold=True)
    long.cell(2, 1, "Τμήμα Ανακύκλωσης - Μηνιαίες ποσότητες αποβλήτων 2024")
    put_row(long, 4, LONG_HEADER, WRAP, bold=True)
    row = 5
    block: list[object] = []
    grand: list[object] = []
    for month, stream, amount, facility, remark in LONG_2024:
        if stream.startswith("Σύνολο"):
            put_row(long, row, [month, stream, total(block)], number="#,##0.00", bold=True)
            grand, block = grand + block, []
        else:
            put_row(long, row, [month or None, stream, amount, facility or None, remark or None],
                    number="#,##0.00")  # fmt: skip
            block.append(amount)
        row += 1
    put_row(long, row, ["ΓΕΝΙΚΟ ΣΥΝΟΛΟ", None, total(grand)], number="#,##0.00", bold=True)
    put_row(long, row + 2, [None, None, None, "Καλαμάτα, 10/05/2024"])
    put_row(long, row + 3, [None, None, None, "Ο Συντάξας"])
    put_row(long, row + 5, [None, None, None, "Ν. Νικολάου"])
    return workbook


def total(amounts: Iterable[object]) -> float:
    """The sum of numbers and Greek-formatted texts, as Excel's SUM would show it."""
    values = [
        Decimal(a.replace(".", "").replace(",", ".")) if isinstance(a, str) else Decimal(str(a))
        for a in amounts
        if a is not None
    ]
    return float(sum(values, Decimal(0)))


# --- broken copies for the error cases ---------------------------------------------------------


def edited(build: Callable[[], Workbook], sheet: str, cell: str, value: object) -> Workbook:
    workbook = build()
    workbook[sheet][cell] = value
    return workbook


def outputs() -> dict[Path, Workbook]:
    return {
        Path("examples/environment/0701-air-quality.xlsx"): air_quality(),
        Path("examples/environment/4401-waste.xlsx"): waste(),
        CASES / "air-quality-bad-value" / "source.xlsx": edited(
            air_quality, "Στ. ΕΓΝΑΤΙΑΣ", "F6", "12Ο"
        ),
        CASES / "air-quality-bad-coordinate" / "source.xlsx": edited(
            air_quality, "Χαρακτηριστικά Σταθμών", "E8", "22ο 56' 66.06''Ε"
        ),
        CASES / "air-quality-ppb" / "source.xlsx": edited(
            air_quality, "Στ. ΛΑΓΚΑΔΑ", "I1", "NO2\nppb"
        ),
        CASES / "air-quality-wrong-year" / "source.xlsx": edited(
            air_quality, "Στ. ΕΓΝΑΤΙΑΣ", "C6", datetime.datetime(2012, 1, 2)
        ),
        CASES / "waste-unknown-stream" / "source.xlsx": edited(waste, "2024", "B16", "Μπαταρίες"),
        CASES / "waste-bad-number" / "source.xlsx": edited(waste, "2023", "C9", "176,4,1"),
    }


# --- writing -------------------------------------------------------------------------------------


def new_workbook() -> Workbook:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "demoi"
    workbook.properties.created = CREATED
    return workbook


def put_row(
    sheet: Worksheet,
    row: int,
    cells: list[object],
    alignment: Alignment | None = None,
    *,
    number: str | None = None,
    bold: bool = False,
) -> None:
    for column, value in enumerate(cells, 1):
        if value is None:
            continue
        cell = sheet.cell(row, column, value)
        if alignment:
            cell.alignment = alignment
        if number and isinstance(value, float | int):
            cell.number_format = number
        if bold:
            cell.font = Font(bold=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO, help="root to write under")
    arguments = parser.parse_args(argv)
    for relative, workbook in outputs().items():
        path = arguments.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
