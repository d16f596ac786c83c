"""Write the example database of a municipality's bodies and elected posts, from the text below.

Usage (from the repository root)::

    python tools/make_organisation_examples.py           # (re)write the database
    python tools/make_organisation_examples.py --check   # exit 1 if its rows differ from these

A binary .sqlite file cannot be reviewed by eye, so this script is its source: the schema and
every row are here. It imitates the database behind the register of bodies and elected officials
that a municipal secretariat keeps (upper-case Greeklish table and column names, dates as
dd/mm/yyyy text, as Greek legacy applications store them): the municipality (ΔΗΜΟΣ), its bodies
and subdivisions (ΟΡΓΑΝΑ), the posts (ΘΕΣΕΙΣ), the elected officials (ΑΙΡΕΤΟΙ) and their terms
(ΘΗΤΕΙΕΣ). The real registers also hold the officials' tax number, address and mobile phone;
the columns are kept here, empty, so that the mapping's query is seen to leave them out.

Δήμος Καλαμάτας (4401), municipal term 2024-2028. The bodies, posts, Kallikratis codes and the
municipality's tax number are real; the Diavgeia uids are those of examples/organisation/
4401-diavgeia-units.json (invented); the PERSONS ARE FICTITIOUS: their names are made up and are
not those of the municipality's elected officials.

``--check`` compares rows, not bytes: SQLite versions may lay the same rows out differently.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATABASE = REPO / "examples" / "organisation" / "4401-elected-posts.sqlite"
# The same register with one date that does not exist (a term from 31/02/2025), for the mapping
# case that shows the error.
BAD_DATE_CASE = REPO / "tests" / "cases" / "mappings" / "organisation" / "elected-posts-bad-date"
BAD_DATE = (BAD_DATE_CASE / "source.sqlite", 3, "31/02/2025")

SCHEMA = """
CREATE TABLE DHMOS (
    KOD_ELSTAT TEXT PRIMARY KEY,
    EPONYMIA TEXT NOT NULL,
    EPONYMIA_LAT TEXT,
    AFM TEXT
);
CREATE TABLE ORGANA (
    ID INTEGER PRIMARY KEY,
    KODIKOS TEXT NOT NULL UNIQUE,
    TYPOS TEXT NOT NULL,          -- ΔΣ, ΔΕ, ΕΔΒ, ΟΕ, ΔΕΝ (δημοτική ενότητα), ΚΟΙΝ, ΣΚ
    PERIGRAFI TEXT NOT NULL,
    DIAVGEIA_UID INTEGER,
    KALLIKRATIS TEXT,
    PARENT_ID INTEGER REFERENCES ORGANA (ID),
    ENERGO INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE THESEIS (
    ID INTEGER PRIMARY KEY,
    KODIKOS TEXT NOT NULL,
    TYPOS TEXT NOT NULL,          -- ΔΗΜΑΡΧΟΣ, ΑΝΤΙΔΗΜΑΡΧΟΣ, ΠΡΟΕΔΡΟΣ_ΔΣ, ΣΥΜΒΟΥΛΟΣ, ΠΡΟΕΔΡΟΣ_ΚΟΙΝ
    TITLOS TEXT NOT NULL,
    ORGANO_ID INTEGER REFERENCES ORGANA (ID),   -- NULL: a post of the municipality itself
    UNIQUE (KODIKOS, ORGANO_ID)
);
CREATE TABLE AIRETOI (
    ID INTEGER PRIMARY KEY,
    EPONYMO TEXT NOT NULL,
    ONOMA TEXT NOT NULL,
    PATRONYMO TEXT,
    PARATAXI TEXT,
    AFM TEXT,                     -- personal data: empty here, never selected by the mapping
    DIEYTHYNSI TEXT,              -- personal data: empty here, never selected by the mapping
    KINITO TEXT                   -- personal data: empty here, never selected by the mapping
);
CREATE TABLE THITEIES (
    ID INTEGER PRIMARY KEY,
    THESI_ID INTEGER NOT NULL REFERENCES THESEIS (ID),
    AIRETOS_ID INTEGER NOT NULL REFERENCES AIRETOI (ID),
    APO TEXT NOT NULL,
    EOS TEXT,
    APOFASI TEXT
);
"""

DHMOS = [("4401", "Δήμος Καλαμάτας", "Municipality of Kalamata", "997911992")]

# ID, KODIKOS, TYPOS, PERIGRAFI, DIAVGEIA_UID, KALLIKRATIS, PARENT_ID, ENERGO
ORGANA = [
    (1, "ds", "ΔΣ", "Δημοτικό Συμβούλιο Καλαμάτας", 50310, None, None, 1),
    (2, "de", "ΔΕ", "Δημοτική Επιτροπή Καλαμάτας", 100085112, None, None, 1),
    (3, "edb", "ΕΔΒ", "Δημοτική Επιτροπή Διαβούλευσης Καλαμάτας", 50313, None, None, 1),
    (4, "oe", "ΟΕ", "Οικονομική Επιτροπή Καλαμάτας", 50311, None, None, 0),
    (5, "den-kalamatas", "ΔΕΝ", "Δημοτική Ενότητα Καλαμάτας", None, "925404", None, 1),
    (6, "den-thourias", "ΔΕΝ", "Δημοτική Ενότητα Θουρίας", 50380, "925403", None, 1),
    (7, "dk-kalamatas", "ΚΟΙΝ", "Δημοτική Κοινότητα Καλαμάτας", 100062001, "92540402", 5, 1),
    (8, "sk-kalamatas", "ΣΚ", "Συμβούλιο Δημοτικής Κοινότητας Καλαμάτας", None, None, 7, 1),
    (9, "dk-thourias", "ΚΟΙΝ", "Κοινότητα Θουρίας", 50381, "92540304", 6, 1),
]

# ID, KODIKOS, TYPOS, TITLOS, ORGANO_ID
THESEIS = [
    (1, "mayor", "ΔΗΜΑΡΧΟΣ", "Δήμαρχος Καλαμάτας", None),
    (2, "deputy-mayor-finance", "ΑΝΤΙΔΗΜΑΡΧΟΣ", "Αντιδήμαρχος Οικονομικών Υπηρεσιών", None),
    (
        3,
        "deputy-mayor-environment",
        "ΑΝΤΙΔΗΜΑΡΧΟΣ",
        "Αντιδήμαρχος Περιβάλλοντος και Καθαριότητας",
        None,
    ),
    (4, "deputy-mayor-thouria", "ΑΝΤΙΔΗΜΑΡΧΟΣ", "Αντιδήμαρχος Δημοτικής Ενότητας Θουρίας", None),
    (5, "deputy-mayor-culture", "ΑΝΤΙΔΗΜΑΡΧΟΣ", "Αντιδήμαρχος Πολιτισμού", None),
    (6, "president", "ΠΡΟΕΔΡΟΣ_ΔΣ", "Πρόεδρος Δημοτικού Συμβουλίου Καλαμάτας", 1),
    (7, "councillor", "ΣΥΜΒΟΥΛΟΣ", "Δημοτικός Σύμβουλος Καλαμάτας", 1),
    (8, "president", "ΠΡΟΕΔΡΟΣ_ΚΟΙΝ", "Πρόεδρος Δημοτικής Κοινότητας Καλαμάτας", 7),
    (9, "councillor", "ΣΥΜΒΟΥΛΟΣ", "Σύμβουλος Δημοτικής Κοινότητας Καλαμάτας", 8),
    (10, "president", "ΠΡΟΕΔΡΟΣ_ΚΟΙΝ", "Πρόεδρος Κοινότητας Θουρίας", 9),
]

# ID, EPONYMO, ONOMA, PATRONYMO, PARATAXI, AFM, DIEYTHYNSI, KINITO: fictitious persons.
AIRETOI = [
    (1, "Αναστασόπουλος", "Ηλίας", "Νικολάου", "Παράταξη Α", None, None, None),
    (2, "Γεωργακοπούλου", "Ευαγγελία", "Δημητρίου", "Παράταξη Α", None, None, None),
    (3, "Σταθόπουλος", "Παναγιώτης", "Ιωάννη", "Παράταξη Α", None, None, None),
    (4, "Κυριακοπούλου", "Αικατερίνη", "Σπυρίδωνα", "Παράταξη Α", None, None, None),
    (5, "Μαυρομμάτης", "Θεόδωρος", "Γεωργίου", "Παράταξη Α", None, None, None),
    (6, "Λαμπροπούλου", "Χριστίνα", "Αθανασίου", "Παράταξη Β", None, None, None),
    (7, "Δημητρακόπουλος", "Κωνσταντίνος", "Ηλία", "Παράταξη Β", None, None, None),
    (8, "Πετροπούλου-Ζαχαρίου", "Μαρία", "Ανδρέα", "Παράταξη Γ", None, None, None),
    (9, "Χριστοδούλου", "Άγγελος", "Παύλου", "Παράταξη Α", None, None, None),
    (10, "Ξενάκη", "Σοφία", "Μιχαήλ", "Παράταξη Β", None, None, None),
    (11, "Οικονόμου", "Βασίλειος", "Στυλιανού", "Παράταξη Α", None, None, None),
    (12, "Τσακίρη", "Ελένη", "Χαράλαμπου", "Παράταξη Γ", None, None, None),
    (13, "Φωτόπουλος", "Νικόλαος", "Ευαγγέλου", "Παράταξη Α", None, None, None),
]

# ID, THESI_ID, AIRETOS_ID, APO, EOS, APOFASI (the appointing decision, for deputy mayors)
THITEIES = [
    (1, 1, 1, "01/01/2024", "31/12/2028", None),
    (2, 2, 2, "01/01/2024", "31/08/2025", "Απόφαση Δημάρχου 1/2024"),
    (3, 2, 3, "01/09/2025", "31/12/2026", "Απόφαση Δημάρχου 412/2025"),
    (4, 3, 4, "01/01/2024", "31/12/2026", "Απόφαση Δημάρχου 1/2024"),
    (5, 4, 5, "01/01/2024", None, "Απόφαση Δημάρχου 1/2024"),
    (6, 6, 6, "01/01/2024", "30/06/2026", None),
    (7, 7, 2, "01/01/2024", "31/12/2028", None),
    (8, 7, 3, "01/01/2024", "31/12/2028", None),
    (9, 7, 4, "01/01/2024", "31/12/2028", None),
    (10, 7, 5, "01/01/2024", "31/12/2028", None),
    (11, 7, 6, "01/01/2024", "31/12/2028", None),
    (12, 7, 7, "01/01/2024", "15/03/2025", None),
    (13, 7, 8, "16/03/2025", "31/12/2028", None),
    (14, 8, 9, "01/01/2024", "31/12/2028", None),
    (15, 9, 10, "01/01/2024", "31/12/2028", None),
    (16, 9, 11, "01/01/2024", "31/12/2028", None),
    (17, 10, 12, "01/01/2024", "31/12/2028", None),
    (18, 9, 13, "01/01/2024", "31/12/2028", None),
]

TABLES = {
    "DHMOS": DHMOS,
    "ORGANA": ORGANA,
    "THESEIS": THESEIS,
    "AIRETOI": AIRETOI,
    "THITEIES": THITEIES,
}


def write_register(cursor: Any, placeholder: str = "?") -> None:
    """Create the register's tables and rows through a DB-API cursor: SQLite's here, and
    PostgreSQL's (``placeholder="%s"``) in tests/test_sql_sources.py, which loads the same rows
    into a PostgreSQL server. The schema is plain SQL that both accept."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            cursor.execute(statement.strip())
    for table, rows in TABLES.items():
        marks = ", ".join([placeholder] * len(rows[0]))
        cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def build(path: Path, bad_date: tuple[int, str] | None = None) -> None:
    """Write the database; with ``bad_date`` (a THITEIES id and a date), that term starts then."""
    with sqlite3.connect(path) as connection:
        write_register(connection.cursor())
        if bad_date is not None:
            connection.execute("UPDATE THITEIES SET APO = ? WHERE ID = ?", bad_date[::-1])
    connection.close()
    with sqlite3.connect(path) as connection:
        connection.execute("VACUUM")
    connection.close()


def dump(path: Path) -> list[str]:
    """The schema and rows of a database, as SQL text, for comparison."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--out", type=Path, help="write the example database here instead")
    arguments = parser.parse_args()
    bad_path, term, date = BAD_DATE
    outputs = {arguments.out or DATABASE: None, bad_path: (term, date)}
    if arguments.out:
        del outputs[bad_path]
    stale = []
    with tempfile.TemporaryDirectory() as folder:
        for number, (target, bad_date) in enumerate(outputs.items()):
            fresh = Path(folder) / f"{number}.sqlite"
            build(fresh, bad_date)
            if arguments.check:
                if not target.is_file() or dump(target) != dump(fresh):
                    stale.append(str(target))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fresh.read_bytes())
            print(f"wrote {target}")
    if stale:
        print(
            "make_organisation_examples: out of date, run python "
            f"tools/make_organisation_examples.py: {', '.join(stale)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
