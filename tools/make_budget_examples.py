"""Write the budget-execution example exports in examples/budget/, byte for byte.

Usage (from the repository root)::

    python tools/make_budget_examples.py           # (re)write the files
    python tools/make_budget_examples.py --check   # exit 1 if a file differs from the master text

The master text below is the single source. It imitates the exports of Greek municipal
accounting systems: `;`-separated, a trailing `;` on every line, Greek number format
(`8.920.667,36`: `.` for thousands, `,` for decimals), the service code (Υπηρεσία) in its own
column and the KAE code (Κ.Α.) as exported. Amounts are invented but plausible; they are not the
real accounts of any municipality. Every file is checked before it is written: the number of
columns, the number format, the KAE class of each line, paid <= authorised <= committed <=
adjusted for expenditure and collected <= certified for revenue, and that the text survives the
round trip through its encoding.
"""

# ruff: noqa: E501  (the master text reproduces export lines verbatim, however long)

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from generated_files import write_or_check

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "examples" / "budget"

EXPENSE_HEADER = (
    "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Δεσμευθέντα;Ενταλθέντα;Πληρωθέντα;"
)
REVENUE_HEADER = "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Βεβαιωθέντα;Εισπραχθέντα;"

# Δήμος Καλαμάτας (4401), expenditure, fiscal year 2024, position at 31/12/2024.
KALAMATA_EXPENSE = f"""\
{EXPENSE_HEADER}
00;6121.01;Αντιμισθία αιρετών και έξοδα παράστασης;612.000,00;612.000,00;598.420,16;598.420,16;598.420,16;
00;6221.01;Ταχυδρομικά τέλη;85.000,00;92.000,00;91.250,30;78.400,00;78.400,00;
00;6223.01;Κινητή τηλεφωνία;18.000,00;18.000,00;12.640,85;10.540,22;10.540,22;
00;6492.01;Δικαστικά έξοδα και έξοδα εκτέλεσης δικαστικών αποφάσεων;150.000,00;210.000,00;187.322,45;172.118,90;172.118,90;
00;6715.01;Επιχορήγηση Νομικών Προσώπων Δημοσίου Δικαίου του Δήμου;2.850.000,00;3.020.000,00;3.020.000,00;2.785.000,00;2.785.000,00;
10;6011.01.01;Τακτικές αποδοχές μονίμων υπαλλήλων;2.150.000,00;2.180.000,00;2.064.512,88;2.064.512,88;2.064.512,88;
10;6051.01.01;Εργοδοτικές εισφορές ΕΦΚΑ μονίμων υπαλλήλων;520.000,00;528.000,00;501.236,44;501.236,44;498.905,12;
10;6142.01;Αμοιβές για υπηρεσίες πληροφορικής;95.000,00;112.500,00;108.960,00;84.320,00;84.320,00;
10;6612.01;Γραφική ύλη και λοιπά υλικά γραφείων;40.000,00;40.000,00;27.415,63;19.208,10;19.208,10;
10;7134.01;Ηλεκτρονικοί υπολογιστές, προγράμματα και λοιπός εξοπλισμός;60.000,00;75.000,00;74.398,80;0,00;0,00;
15;6041.01;Τακτικές αποδοχές έκτακτου προσωπικού παιδικών σταθμών;410.000,00;436.000,00;431.877,05;431.877,05;431.877,05;
15;6471.01;Έξοδα εορτασμού της επετείου απελευθέρωσης της Καλαμάτας, 23η Μαρτίου;35.000,00;35.000,00;33.186,40;33.186,40;33.186,40;
15;6471.02;Πολιτιστικές εκδηλώσεις Μαΐου και Διεθνές Φεστιβάλ Χορού;180.000,00;195.000,00;192.640,00;150.000,00;150.000,00;
15;6654.01;Προμήθεια φαρμακευτικού υλικού και προϊόντων υγιεινής;12.000,00;12.000,00;350,5;350,5;350,5;
20;6011.01.01;Τακτικές αποδοχές μονίμων υπαλλήλων καθαριότητας;3.420.000,00;3.470.000,00;3.402.118,76;3.402.118,76;3.402.118,76;
20;6211.01;Αντίτιμο ηλεκτρικής ενέργειας για φωτισμό οδών και πλατειών;1.950.000,00;2.280.000,00;2.241.907,14;2.106.553,81;2.106.553,81;
20;6263.01;Συντήρηση και επισκευή μεταφορικών μέσων;420.000,00;480.000,00;466.210,37;402.115,62;398.008,45;
20;6641.01;Προμήθεια καυσίμων και λιπαντικών για κίνηση μεταφορικών μέσων;1.100.000,00;1.060.000,00;1.012.664,29;986.540,17;986.540,17;
20;7131.01;Προμήθεια μηχανημάτων αποκομιδής και επεξεργασίας απορριμμάτων;850.000,00;1.240.000,00;1.236.400,00;;;
25;6262.01;Άρδευση αγροτικών περιοχών, συντήρηση δικτύων και αντλιοστασίων;90.000,00;90.000,00;64.912,70;51.880,00;51.880,00;
30;6262.02;Συντήρηση και επισκευή δημοτικών κτιρίων;250.000,00;250.000,00;198.743,02;146.207,55;146.207,55;
30;7323.01;Ασφαλτοστρώσεις και συντήρηση δημοτικών οδών;1.800.000,00;2.350.000,00;2.312.880,96;1.487.205,40;1.487.205,40;
30;7331.01;Επισκευή και συντήρηση σχολικών κτιρίων;0,00;640.000,00;612.094,18;310.000,00;310.000,00;
30;7413.01;Μελέτη αντιπλημμυρικής προστασίας του ρέματος Νέδοντα;120.000,00;120.000,00;0,00;0,00;0,00;
35;6279.01;Συντήρηση πρασίνου, κλαδέματα και καθαρισμός πάρκων;310.000,00;335.000,00;333.940,12;287.615,00;287.615,00;
35;6693.01;Σπόροι, φυτά, λιπάσματα και φυτοφάρμακα;45.000,00;45.000,00;38.207,50;38.207,50;36.114,20;
45;6262.03;Συντήρηση εγκαταστάσεων νεκροταφείων;30.000,00;30.000,00;17.645,90;17.645,90;17.645,90;
50;6061.01;Παροχές ένδυσης δημοτικής αστυνομίας;8.000,00;8.000,00;0,00;0,00;0,00;
80;8111.01;Αμοιβές και έξοδα προσωπικού παρελθόντων ετών;75.000,00;92.000,00;91.604,33;91.604,33;91.604,33;
80;8117.01;Λοιπά γενικά έξοδα παρελθόντων ετών;160.000,00;205.000,00;198.337,68;198.337,68;198.337,68;
90;9111;Τακτικό αποθεματικό;350.000,00;125.600,50;0,00;0,00;0,00;
"""

# Δήμος Καλαμάτας (4401), revenue, fiscal year 2024, position at 31/12/2024.
KALAMATA_REVENUE = f"""\
{REVENUE_HEADER}
00;0111.01.01;Μισθώματα από αστικά ακίνητα;250.000,00;260.000,00;241.500,75;198.320,40;
00;0311.01;Τέλη καθαριότητας και φωτισμού;9.800.000,00;9.800.000,00;9.912.445,18;9.204.118,63;
00;0321.01;Τέλος ακίνητης περιουσίας;620.000,00;620.000,00;604.331,20;566.902,47;
00;0411.01;Τέλος διαμονής παρεπιδημούντων;140.000,00;165.000,00;171.268,04;158.940,00;
00;0611.01;Κεντρικοί Αυτοτελείς Πόροι για κάλυψη γενικών αναγκών;11.400.000,00;11.850.000,00;11.850.000,00;11.850.000,00;
00;0612.01;Κεντρικοί Αυτοτελείς Πόροι για λειτουργικές δαπάνες σχολείων;1.050.000,00;1.112.000,00;1.112.000,00;1.112.000,00;
00;0711.01;Πρόστιμα από παραβάσεις του Κώδικα Οδικής Κυκλοφορίας;210.000,00;210.000,00;187.645,00;121.006,50;
00;1311.01;Επιχορήγηση για επενδύσεις από ΣΑΤΑ;1.300.000,00;1.300.000,00;1.300.000,00;1.300.000,00;
00;1321.01;Επιχορήγηση για το έργο αντιπλημμυρικής προστασίας του ρέματος Νέδοντα;0,00;2.400.000,00;;;
00;1511.01;Προσαυξήσεις εκπρόθεσμης καταβολής χρεών;95.000,00;95.000,00;88.210,35;41.005,12;
00;2111.01;Τέλη καθαριότητας και φωτισμού παρελθόντων ετών;600.000,00;600.000,00;655.907,41;318.440,90;
00;3211.01;Απαιτήσεις από τέλη καθαριότητας και φωτισμού παρελθόντων ετών;1.900.000,00;1.900.000,00;1.874.206,55;402.337,18;
00;4121.01;Φόρος μισθωτών υπηρεσιών;1.350.000,00;1.420.000,00;1.402.118,66;1.402.118,66;
00;4211.01;Επιστροφές αχρεωστήτως καταβληθέντων ποσών;20.000,00;20.000,00;6.140,00;6.140,00;
00;5111.01;Χρηματικό υπόλοιπο από τακτικά έσοδα προηγούμενης χρήσης;4.850.000,00;6.212.408,37;6.212.408,37;6.212.408,37;
"""

# Δήμος Θεσσαλονίκης (0701), expenditure, fiscal year 2024, a short extract.
THESSALONIKI_EXPENSE = f"""\
{EXPENSE_HEADER}
00;6121.01;Αντιμισθία αιρετών και έξοδα παράστασης;1.480.000,00;1.480.000,00;1.436.902,30;1.436.902,30;1.436.902,30;
10;6011.01.01;Τακτικές αποδοχές μονίμων υπαλλήλων;18.920.000,00;19.150.000,00;18.864.207,91;18.864.207,91;18.864.207,91;
10;6051.01.01;Εργοδοτικές εισφορές ΕΦΚΑ μονίμων υπαλλήλων;4.610.000,00;4.690.000,00;4.588.120,06;4.588.120,06;4.560.004,77;
15;6471.01;Έξοδα εορτασμού του Αγίου Δημητρίου και των Δημητρίων;920.000,00;980.000,00;974.615,20;801.200,00;801.200,00;
20;6211.01;Αντίτιμο ηλεκτρικής ενέργειας για φωτισμό οδών και πλατειών;8.500.000,00;8.920.667,36;8.912.330,18;8.105.774,02;8.105.774,02;
20;6641.01;Προμήθεια καυσίμων και λιπαντικών για κίνηση μεταφορικών μέσων;3.200.000,00;3.050.000,00;2.987.415,66;2.901.338,25;2.901.338,25;
30;7323.01;Ανάπλαση και ασφαλτόστρωση οδών στο ιστορικό κέντρο;6.400.000,00;7.850.000,00;7.612.004,49;3.915.228,10;3.915.228,10;
35;6693.01;Σπόροι, φυτά, λιπάσματα και φυτοφάρμακα;310.000,00;310.000,00;296.118,40;0,00;0,00;
"""

EXPENSE_KAE = re.compile(r"^[6-9][0-9]{3}(\.[0-9]{1,3})*$")
REVENUE_KAE = re.compile(r"^[0-5][0-9]{3}(\.[0-9]{1,3})*$")
GREEK_NUMBER = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]{1,2})?$")


@dataclass(frozen=True)
class Export:
    """One file: its name, master text, side, encoding, byte-order mark and line ending."""

    name: str
    text: str
    side: str  # "expense" or "revenue"
    encoding: str
    bom: bytes
    newline: str


EXPORTS = [
    Export(
        "4401-2024-expense.utf16.csv", KALAMATA_EXPENSE, "expense", "utf-16-be", b"\xfe\xff", "\r\n"
    ),
    Export("4401-2024-expense.cp1253.csv", KALAMATA_EXPENSE, "expense", "cp1253", b"", "\r\n"),
    Export("4401-2024-expense.iso8859-7.csv", KALAMATA_EXPENSE, "expense", "iso8859-7", b"", "\n"),
    Export("4401-2024-expense.utf8.csv", KALAMATA_EXPENSE, "expense", "utf-8", b"", "\n"),
    Export(
        "4401-2024-revenue.utf16.csv", KALAMATA_REVENUE, "revenue", "utf-16-be", b"\xfe\xff", "\r\n"
    ),
    Export("0701-2024-expense.cp1253.csv", THESSALONIKI_EXPENSE, "expense", "cp1253", b"", "\r\n"),
]


class ExampleError(Exception):
    """The master text breaks one of the rules of the exports."""


def greek_amount(cell: str) -> Decimal | None:
    """`8.920.667,36` -> Decimal('8920667.36'); an empty cell -> None."""
    if cell == "":
        return None
    if not GREEK_NUMBER.match(cell):
        raise ExampleError(f"not a Greek-format amount: {cell!r}")
    return Decimal(cell.replace(".", "").replace(",", "."))


def check(text: str, side: str) -> int:
    """Validate the master text of one export; return its number of data lines."""
    lines = text.split("\n")
    if lines[-1] != "":
        raise ExampleError("the master text must end with a newline")
    lines = lines[:-1]
    header = EXPENSE_HEADER if side == "expense" else REVENUE_HEADER
    if lines[0] != header:
        raise ExampleError(f"unexpected header {lines[0]!r}")
    width = header.count(";")
    kae_pattern = EXPENSE_KAE if side == "expense" else REVENUE_KAE
    seen = set()
    for number, line in enumerate(lines[1:], start=2):
        where = f"{side} line {number}"
        if not line.endswith(";") or line.count(";") != width or '"' in line:
            raise ExampleError(f"{where}: needs {width} fields, each ended by ';', no quotes")
        service, kae, description, *cells = line.split(";")[:-1]
        if not re.fullmatch(r"[0-9]{2}", service) or not kae_pattern.match(kae) or not description:
            raise ExampleError(f"{where}: bad service {service!r} or KAE {kae!r} for {side}")
        if (service, kae) in seen:
            raise ExampleError(f"{where}: service {service} and KAE {kae} appear twice")
        seen.add((service, kae))
        amounts = [greek_amount(c) for c in cells]
        if amounts[0] is None or amounts[1] is None:
            raise ExampleError(f"{where}: budgeted and adjusted may not be empty")
        if any(a is not None and a < 0 for a in amounts):
            raise ExampleError(f"{where}: negative amount")
        chain = amounts[1:][::-1]  # expense: paid, authorised, committed, adjusted
        if side == "revenue":
            chain = [amounts[3], amounts[2]]  # collected, certified
        present = [a for a in chain if a is not None]
        if present != sorted(present):
            raise ExampleError(f"{where}: amounts out of order {cells}")
    return len(lines) - 1


def encode(export: Export) -> bytes:
    text = export.text.replace("\n", export.newline)
    data = export.bom + text.encode(export.encoding)
    if data[len(export.bom) :].decode(export.encoding) != text:
        raise ExampleError(f"{export.name}: does not survive {export.encoding}")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write to")
    args = parser.parse_args(argv)
    try:
        for text, side in dict.fromkeys((e.text, e.side) for e in EXPORTS):
            check(text, side)
        outputs = {e.name: encode(e) for e in EXPORTS}
    except ExampleError as err:
        print(f"make_budget_examples: {err}", file=sys.stderr)
        return 1
    files = {args.out / name: data for name, data in outputs.items()}
    return write_or_check("make_budget_examples", files, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
