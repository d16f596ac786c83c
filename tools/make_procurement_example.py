"""Write examples/procurement/4401-2025-contracts.xlsx, the ΚΗΜΔΗΣ contract-search export of
the procurement examples, from the rows below (invented contracts in the registry's shape).

    uv run python tools/make_procurement_example.py          # (re)write the workbook
    uv run python tools/make_procurement_example.py --check  # fail if its cells differ

The workbook's bytes change with every write (zip timestamps), so --check compares the cells.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import openpyxl

TARGET = Path(__file__).resolve().parent.parent / "examples/procurement/4401-2025-contracts.xlsx"
SHEET = "Συμβάσεις"
D = datetime.datetime

# fmt: off
TITLE = [
    ["ΚΕΝΤΡΙΚΟ ΗΛΕΚΤΡΟΝΙΚΟ ΜΗΤΡΩΟ ΔΗΜΟΣΙΩΝ ΣΥΜΒΑΣΕΩΝ (ΚΗΜΔΗΣ)"],
    ["Αποτελέσματα αναζήτησης: Συμβάσεις | Αναθέτουσα Αρχή: ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ | "
     "Ημερομηνία υπογραφής: 01/01/2025 - 31/12/2025"],
    ["Ημερομηνία εξαγωγής: 02/06/2025 10:14"],
    [],
]
HEADER = [
    "Α/Α", "ΑΔΑΜ", "Τίτλος", "Αναθέτουσα Αρχή", "ΑΦΜ Αναθέτουσας Αρχής", "Είδος Διαδικασίας",
    "Είδος Σύμβασης", "CPV", "Ποσό χωρίς ΦΠΑ", "Ποσό με ΦΠΑ", "ΑΦΜ Αναδόχου", "Ανάδοχος",
    "Ημερομηνία Υπογραφής", "Ημερομηνία Έναρξης", "Ημερομηνία Λήξης", "ΑΔΑ", "Σχετικός ΑΔΑΜ",
]
KALAMATA = ("ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ", "997911992")
ROWS = [
    [1, "25SYMV017123456",
     "Σύμβαση προμήθειας πετρελαίου κίνησης για τα οχήματα της Υπηρεσίας Καθαριότητας", *KALAMATA,
     "Ανοικτή διαδικασία", "Προμήθειες", "09134100-8 Πετρέλαιο ντίζελ", 172500, 213900,
     "094519829", "ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΜΕΣΣΗΝΙΑΣ ΑΝΩΝΥΜΗ ΕΜΠΟΡΙΚΗ ΕΤΑΙΡΕΙΑ",
     D(2025, 4, 10), D(2025, 4, 10), D(2026, 4, 9), "ΨΒ2ΗΩΞΑ-7ΤΡ",
     "25PROC016512345, 25AWRD016987654"],
    [2, "25SYMV017220334",
     "Συντήρηση και επισκευή απορριμματοφόρων οχημάτων του Δήμου Καλαμάτας", *KALAMATA,
     "Απευθείας ανάθεση", "Υπηρεσίες", "50114000-7 Υπηρεσίες επισκευής και συντήρησης φορτηγών",
     15000, 18600, "801324577", "ΤΕΧΝΟΣΥΝΕΡΓΕΙΑ ΠΕΛΟΠΟΝΝΗΣΟΥ ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε.",
     D(2025, 5, 12), D(2025, 5, 12), D(2025, 12, 31), "ΩΤ9ΜΩΞΑ-Η2Ε", "25REQ016844120"],
    [3, "25SYMV017390417",
     "Προμήθεια γραφικής ύλης και χαρτιού εκτύπωσης για τις ανάγκες των υπηρεσιών", *KALAMATA,
     "Συνοπτικός διαγωνισμός", "Προμήθειες",
     "30192000-1 Είδη γραφείου; 30197630-1 Χαρτί εκτύπωσης", "24.193,55 €", "30.000,00 €",
     "800903111", "ΧΑΡΤΟΠΩΛΕΙΟ ΚΑΛΑΜΑΤΑΣ", "28/05/2025", "28/05/2025", "31/12/2025",
     "Ψ8ΚΤΩΞΑ-4ΛΓ", "25PROC016701122"],
    [4, "25SYMV017046981",
     "Ανακατασκευή πεζοδρομίων και οδοστρωμάτων στο ιστορικό κέντρο της Καλαμάτας", *KALAMATA,
     "Ανοικτή διαδικασία", "Έργα", "45233141-9 Εργασίες συντήρησης οδών", 412903.23, 512000,
     "098765430 | 802564190", "ΚΑΤΣΑΡΟΣ Π. & ΣΙΑ Ο.Ε. | ΔΟΜΙΚΗ ΜΕΣΣΗΝΙΑΚΗ Α.Τ.Ε.",
     D(2025, 3, 3), D(2025, 3, 10), D(2026, 3, 9), "6ΛΞ3ΩΞΑ-Τ9Β",
     "25PROC015980233 25AWRD016210448"],
    # A group of operators with a natural person: the person is dropped, the company kept.
    [5, "25SYMV017288001",
     "Γεωτεχνική μελέτη για την αποκατάσταση του τοίχου αντιστήριξης της οδού Αριστομένους",
     *KALAMATA, "Διαπραγμάτευση χωρίς προηγούμενη δημοσίευση",
     "Τεχνικές ή λοιπές συναφείς επιστημονικές υπηρεσίες", "71332000-4 Γεωτεχνικές υπηρεσίες",
     38700, 47988, "053112785\n123456783",
     "ΓΕΩΤΕΧΝΙΚΗ ΜΕΛΕΤΗΤΙΚΗ Ε.Π.Ε.\nΠΑΠΑΔΑΚΗΣ,,ΝΙΚΟΛΑΟΣ,ΓΕΩΡΓΙΟΣ",
     D(2025, 5, 20), D(2025, 5, 21), D(2025, 9, 20), "ΡΞ7ΔΩΞΑ-ΛΒ8", "-"],
    # Typed by hand: ΑΔΑΜ in lower case with a space, the ΑΔΑ with Latin A and E, no VAT amount.
    [6, " 25symv017401562",
     "Υπηρεσίες ηχητικής κάλυψης εκδηλώσεων Καλοκαιριού 2025", *KALAMATA,
     "Απευθείας ανάθεση", "Υπηρεσίες", "79952000-2", "4.800,00", None,
     "801456722", "ΗΛΕΚΤΡΟΝ ΕΝΕΡΓΕΙΑΚΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ", "30/05/2025", None, None,
     "ΩΒ4AΩΞA-Ε7Ζ", None],
    # A municipal legal entity as the buyer.
    [7, "25SYMV017355790",
     "Προμήθεια υδρομέτρων για τις ανάγκες της ΔΕΥΑ Καλαμάτας",
     "ΔΗΜΟΤΙΚΗ ΕΠΙΧΕΙΡΗΣΗ ΥΔΡΕΥΣΗΣ ΑΠΟΧΕΤΕΥΣΗΣ ΚΑΛΑΜΑΤΑΣ", "998812348",
     "Συνοπτικός διαγωνισμός", "Προμήθειες", "38421100-3 Υδρόμετρα", 58064.52, 72000,
     "802564190", "ΔΟΜΙΚΗ ΜΕΣΣΗΝΙΑΚΗ Α.Τ.Ε.", D(2025, 5, 26), D(2025, 5, 26), D(2026, 5, 25),
     "ΨΖ9ΥΟΕΚΑ-1ΜΝ", "25PROC016655010"],
]
# fmt: on


def build() -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for row in [*TITLE, HEADER, *ROWS]:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=len(TITLE) + 2):
        for cell in row:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, int | float):
                cell.number_format = "#,##0.00"
    workbook.properties.creator = "ΚΗΜΔΗΣ"
    workbook.properties.created = D(2025, 6, 2, 10, 14)
    workbook.properties.modified = D(2025, 6, 2, 10, 14)
    return workbook


def cells(workbook: openpyxl.Workbook) -> list[tuple[object, ...]]:
    return list(workbook[SHEET].iter_rows(values_only=True))


def main() -> int:
    wanted = build()
    if "--check" in sys.argv:
        found = openpyxl.load_workbook(TARGET)
        if cells(found) != cells(wanted):
            print(f"{TARGET} differs from tools/make_procurement_example.py", file=sys.stderr)
            return 1
        return 0
    wanted.save(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
