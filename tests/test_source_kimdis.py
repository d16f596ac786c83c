"""The kimdis reader: the ΚΗΜΔΗΣ contract-search export (.xlsx or delimited text) to the tables
of the procurement mapping."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from demoi.errors import DataError
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources._counterparties import bodies
from demoi.lifting.sources.kimdis import read
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

MAPPING = get_mapping("kimdis-contracts")
HEADER = (
    "ΑΔΑΜ;Τίτλος;Αναθέτουσα Αρχή;ΑΦΜ Αναθέτουσας Αρχής;Είδος Διαδικασίας;Είδος Σύμβασης;CPV;"
    "Ποσό χωρίς ΦΠΑ;Ποσό με ΦΠΑ;ΑΦΜ Αναδόχου;Ανάδοχος;Ημερομηνία Υπογραφής;Ημερομηνία Έναρξης;"
    "Ημερομηνία Λήξης;ΑΔΑ;Σχετικός ΑΔΑΜ"
)
CELLS = {
    "adam": "25SYMV017220334",
    "title": "Συντήρηση απορριμματοφόρων",
    "buyer": "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ",
    "buyer_afm": "997911992",
    "procedure": "Απευθείας ανάθεση",
    "type": "Υπηρεσίες",
    "cpv": "50114000-7",
    "excluding": "15.000,00",
    "including": "18.600,00",
    "contractor_afm": "801324577",
    "contractor": "ΤΕΧΝΟΣΥΝΕΡΓΕΙΑ ΠΕΛΟΠΟΝΝΗΣΟΥ ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε.",
    "signed": "12/05/2025",
    "start": "12/05/2025",
    "end": "31/12/2025",
    "ada": "ΩΤ9ΜΩΞΑ-Η2Ε",
    "related": "",
}


def row(**changes: str) -> str:
    return ";".join({**CELLS, **changes}.values())


def write(tmp_path: Path, *rows: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "contracts.csv"
    path.write_bytes("\r\n".join(["Συμβάσεις", HEADER, *rows, ""]).encode(encoding))
    return path


def tables(path: Path, rejects: list[Reject] | None = None) -> dict[str, list[dict[str, str]]]:
    data = read(path, MAPPING, ReadOptions(rejects=rejects))
    return {
        name: [dict(zip(table.columns, values, strict=True)) for values in table.rows]
        for name, table in data.tables.items()
    }


def test_the_workbook_is_what_the_tool_writes() -> None:
    tool = REPO / "tools" / "make_procurement_example.py"
    assert subprocess.run([sys.executable, str(tool), "--check"], check=False).returncode == 0


def test_the_workbook_example() -> None:
    found = tables(EXAMPLES / "procurement" / "4401-2025-contracts.xlsx")
    contracts = {contract["adam"]: contract for contract in found["contracts"]}
    assert len(contracts) == 7
    # typed by hand: lower case and a leading space; Latin A in the ΑΔΑ; no VAT amount
    typed = contracts["25SYMV017401562"]
    assert (typed["ada"], typed["value_including_vat"]) == ("ΩΒ4ΑΩΞΑ-Ε7Ζ", "")
    # a direct award's procedure takes the contract's ΑΔΑΜ and the award decision
    direct = contracts["25SYMV017220334"]
    assert (direct["procedure"], direct["procedure_adam"]) == ("25SYMV017220334", "")
    assert (direct["procedure_type"], direct["procedure_decision"]) == (
        "direct-award",
        "ΩΤ9ΜΩΞΑ-Η2Ε",
    )
    # a request ΑΔΑΜ is not linked; PROC and AWRD are
    tender = contracts["25SYMV017123456"]
    assert (tender["procedure"], tender["award"]) == ("25PROC016512345", "25AWRD016987654")
    assert (tender["value_excluding_vat"], tender["signed"]) == ("172500.00", "2025-04-10")
    # «Τεχνικές ή λοιπές συναφείς επιστημονικές υπηρεσίες» are studies
    assert contracts["25SYMV017288001"]["contract_type"] == "studies"
    # the municipal water utility is a buyer of its own
    utility = contracts["25SYMV017355790"]
    assert (utility["buyer_municipality"], utility["buyer_entity"]) == ("", "998812348")
    cpvs = [c["cpv"] for c in found["cpvs"] if c["adam"] == "25SYMV017390417"]
    assert cpvs == ["30192000", "30197630"]
    group = [c["afm"] for c in found["contractors"] if c["adam"] == "25SYMV017046981"]
    assert group == ["098765430", "802564190"]


def test_natural_persons_never_reach_the_tables() -> None:
    text = repr(tables(EXAMPLES / "procurement" / "4401-2025-contracts.xlsx"))
    assert "ΠΑΠΑΔΑΚΗΣ" not in text and "123456783" not in text
    study = repr(tables(EXAMPLES / "procurement" / "4401-2025-contracts.cp1253.csv"))
    assert "ΠΑΠΑΔΑΚΗΣ" not in study and "123456783" not in study


@pytest.mark.parametrize(
    ("written", "notation"),
    [
        ("Απευθείας ανάθεση", "direct-award"),
        ("ΑΠΕΥΘΕΙΑΣ ΑΝΑΘΕΣΗ (άρθρο 118 ν.4412/2016)", "direct-award"),
        ("Συνοπτικός Διαγωνισμός", "simplified-tender"),
        ("Πρόχειρος διαγωνισμός", "simplified-tender"),
        ("Ανοικτή Διαδικασία", "open"),
        ("Ανοιχτός διαγωνισμός", "open"),
        ("Κλειστή διαδικασία", "restricted"),
        (
            "Διαδικασία με διαπραγμάτευση χωρίς προηγούμενη δημοσίευση",
            "negotiated-without-publication",
        ),
        ("Ανταγωνιστική διαδικασία με διαπραγμάτευση", "competitive-negotiation"),
        ("direct-award", "direct-award"),
    ],
)
def test_procedure_types(tmp_path: Path, written: str, notation: str) -> None:
    found = tables(write(tmp_path, row(procedure=written)))
    assert found["contracts"][0]["procedure_type"] == notation


@pytest.mark.parametrize(
    ("written", "notation"),
    [
        ("ΕΡΓΑ", "works"),
        ("Προμήθεια", "supplies"),
        ("Υπηρεσίες", "services"),
        ("Μελέτες", "studies"),
    ],
)
def test_contract_types(tmp_path: Path, written: str, notation: str) -> None:
    assert tables(write(tmp_path, row(type=written)))["contracts"][0]["contract_type"] == notation


def test_contractors_that_cannot_be_paired_with_their_names_lose_the_names(tmp_path: Path) -> None:
    path = write(tmp_path, row(contractor_afm="801324577, 802564190", contractor="ΜΙΑ Α.Ε."))
    found = tables(path)
    assert [c["afm"] for c in found["contractors"]] == ["801324577", "802564190"]
    assert [e["name"] for e in found["entities"]] == ["", ""]


def test_the_buyer_listed_as_contractor_is_dropped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row(contractor_afm="997911992 | 801324577", contractor="ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ | ΜΙΑ Ι.Κ.Ε."),
    )
    assert [c["afm"] for c in tables(path)["contractors"]] == ["801324577"]


def test_text_in_windows_1253(tmp_path: Path) -> None:
    found = tables(write(tmp_path, row(), encoding="cp1253"))
    assert found["contracts"][0]["title"] == "Συντήρηση απορριμματοφόρων"


@pytest.mark.parametrize(
    ("changes", "message", "column"),
    [
        ({"buyer_afm": "997911993"}, "a valid ΑΦΜ", "ΑΦΜ Αναθέτουσας Αρχής"),
        ({"type": "Λοιπά"}, "Έργα, Προμήθειες, Υπηρεσίες or Μελέτες", "Είδος Σύμβασης"),
        ({"cpv": "Υπηρεσίες συντήρησης"}, "one or more CPV codes", "CPV"),
        ({"ada": "ΩΤ9ΜΩΞΑΗ2Ε"}, "a Diavgeia ΑΔΑ", "ΑΔΑ"),
        ({"related": "διακήρυξη 12/2025"}, "one or more ΚΗΜΔΗΣ ΑΔΑΜ", "Σχετικός ΑΔΑΜ"),
        ({"related": "25PROC016512345 25PROC016512346"}, "a single PROC", "Σχετικός ΑΔΑΜ"),
    ],
)
def test_errors_name_the_line_the_column_and_the_value(
    tmp_path: Path, changes: dict[str, str], message: str, column: str
) -> None:
    path = write(tmp_path, row(**changes))
    with pytest.raises(DataError, match=message) as raised:
        tables(path)
    assert raised.value.location is not None
    assert (raised.value.location.line, raised.value.location.column) == (3, column)


def test_a_region_is_not_a_municipal_buyer(tmp_path: Path) -> None:
    region = sorted(bodies().region_afms)[0]
    with pytest.raises(DataError, match="it is a region's"):
        tables(write(tmp_path, row(buyer_afm=region)))


@pytest.mark.parametrize("none", ["-", "—", "Δεν υπάρχει", "N/A", ""])
def test_no_related_adam(tmp_path: Path, none: str) -> None:
    contract = tables(write(tmp_path, row(related=none)))["contracts"][0]
    assert (contract["procedure"], contract["award"]) == ("25SYMV017220334", "")


def test_a_contract_with_an_individual_is_left_out_with_skip_invalid_rows(tmp_path: Path) -> None:
    person = row(adam="25SYMV017220335", contractor_afm="123456783", contractor="ΠΑΠΑΔΑΚΗΣ,,Ν,Γ")
    rejects: list[Reject] = []
    found = tables(write(tmp_path, row(), person), rejects)
    assert [contract["adam"] for contract in found["contracts"]] == ["25SYMV017220334"]
    assert rejects[0].location.line == 4
    assert "ΠΑΠΑΔΑΚΗΣ" not in repr(rejects) and "123456783" not in repr(rejects)


def test_a_repeated_adam_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="repeats adam 25SYMV017220334"):
        tables(write(tmp_path, row(), row()))


def test_an_export_of_another_municipality_is_refused_by_the_profile() -> None:
    lifted = lift(
        EXAMPLES / "procurement" / "4401-2025-contracts.cp1253.csv",
        MAPPING,
        municipality="0701",
        parameters={"year": "2025"},
        base_uri="http://127.0.0.1:8000/",
    )
    with pytest.raises(DataError, match="violation"):
        check_lifted(lifted, "en")
