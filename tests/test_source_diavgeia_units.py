"""The Diavgeia organisation-units reader: the API's responses, one or both in a file, give the
municipality and its units; errors name the line and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from demoi.errors import DataError, ValidationFailed
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources.diavgeia_units import mixed_case, read, unit_class
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

BASE = "http://127.0.0.1:8000/"
EXAMPLE = REPO / "examples" / "organisation" / "4401-diavgeia-units.json"
LEMNOS = {"uid": "6174", "label": "ΔΗΜΟΣ ΛΗΜΝΟΥ", "category": "MUNICIPALITY",
          "odeManagerEmail": "someone@example.org", "website": "www.limnos.gov.gr"}  # fmt: skip


def unit(uid: str, label: str, parent: str = "6174", category: str = "UNIT") -> dict[str, object]:
    return {"uid": uid, "label": label, "abbreviation": None, "category": category,
            "unitDomains": [], "active": True, "parentId": parent}  # fmt: skip


def write(path: Path, *documents: object) -> Path:
    path.write_text(
        "\n".join(json.dumps(document, ensure_ascii=False, indent=4) for document in documents),
        encoding="utf-8",
    )
    return path


def tables(path: Path) -> dict[str, list[dict[str, str]]]:
    data = read(path, get_mapping("diavgeia-units"), ReadOptions())
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


def error_of(path: Path) -> DataError:
    with pytest.raises(DataError) as raised:
        read(path, get_mapping("diavgeia-units"), ReadOptions())
    return raised.value


def test_both_responses_in_one_file(tmp_path: Path) -> None:
    units = {"units": [unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ")]}
    found = tables(write(tmp_path / "lemnos.json", LEMNOS, units))
    assert found["organisation"] == [
        {
            "diavgeia_uid": "6174",
            "elstat": "5501",
            "name_el": "Δήμος Λήμνου",
            "name_en": "Municipality of Lemnos",
            "diavgeia_label": "ΔΗΜΟΣ ΛΗΜΝΟΥ",
            "homepage": "http://www.limnos.gov.gr/",  # scheme and path added
        }
    ]
    assert found["units"][0]["unit_class"] == "MunicipalCouncil"
    assert found["units"][0]["name"] == "Δημοτικό Συμβούλιο"


def test_an_error_in_the_second_response_names_its_line_in_the_file(tmp_path: Path) -> None:
    units = {"units": [unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ"), unit("81216", "", parent="6174")]}
    error = error_of(write(tmp_path / "lemnos.json", LEMNOS, units))
    assert error.message == "the unit has no «label»"
    # LEMNOS takes lines 1-7; the empty label of the second unit is on line 21 of the file
    assert str(error.location).endswith("lemnos.json, line 21, field units[1].label")


def test_a_json_array_of_the_responses_reads_the_same(tmp_path: Path) -> None:
    units = {"units": [unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ")]}
    stream = tables(write(tmp_path / "stream.json", LEMNOS, units))
    array = tables(write(tmp_path / "array.json", [LEMNOS, units]))
    assert stream == array


def test_units_alone_find_their_municipality_in_the_code_list(tmp_path: Path) -> None:
    found = tables(write(tmp_path / "units.json", {"units": [unit("81204", "ΓΡΑΦΕΙΟ ΔΗΜΑΡΧΟΥ")]}))
    assert found["organisation"][0]["elstat"] == "5501"
    assert found["organisation"][0]["homepage"] == ""


def test_the_ode_managers_mailbox_is_not_read(tmp_path: Path) -> None:
    path = write(tmp_path / "org.json", LEMNOS)
    lifted = lift(
        path, get_mapping("diavgeia-units"), municipality="5501", parameters={}, base_uri=BASE
    )
    assert b"someone@example.org" not in lifted.ntriples
    assert "someone" not in json.dumps(tables(path), ensure_ascii=False)


def test_nesting_is_kept_where_the_profile_allows_it(tmp_path: Path) -> None:
    units = [
        unit("1", "ΔΙΕΥΘΥΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ ΥΠΗΡΕΣΙΩΝ", category="ADMINISTRATION"),
        unit("2", "ΤΜΗΜΑ ΕΣΟΔΩΝ", parent="1"),
        unit("3", "ΤΕΧΝΙΚΕΣ ΥΠΗΡΕΣΙΕΣ"),
        unit("4", "ΤΜΗΜΑ ΜΕΛΕΤΩΝ", parent="3"),  # a department outside a directorate
        unit("5", "ΓΡΑΦΕΙΟ ΠΡΩΤΟΚΟΛΛΟΥ", parent="3"),  # an office may be anywhere
    ]
    rows = {
        row["uid"]: row for row in tables(write(tmp_path / "u.json", {"units": units}))["units"]
    }
    assert rows["2"]["nested_in"] == "1"
    assert rows["4"]["nested_in"] == ""
    assert rows["5"]["nested_in"] == "3"


@pytest.mark.parametrize(
    ("label", "category", "expected"),
    [
        ("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ ΔΙΑΒΟΥΛΕΥΣΗΣ", "UNIT", "ConsultationCommittee"),
        ("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ", "COMMITTEE", "MunicipalCommittee"),
        ("Δημοτικό Συμβούλιο", "UNIT", "MunicipalCouncil"),
        ("ΚΟΙΝΟΤΗΤΑ ΜΥΡΙΝΑΣ", "TEAM", "Community"),
        ("ΤΟΠΙΚΗ ΚΟΙΝΟΤΗΤΑ ΑΛΑΓΟΝΙΑΣ", "DECENTRALISED_AGENCY", "Community"),
        ("ΔΗΜΟΤΙΚΗ ΕΝΟΤΗΤΑ ΘΟΥΡΙΑΣ", "ORG_UNIT_OTHER", "MunicipalUnit"),
        ("ΑΥΤΟΤΕΛΕΣ ΤΜΗΜΑ ΔΙΑΦΑΝΕΙΑΣ", "UNIT", "Department"),
        ("ΤΜΗΜΑΤΑΡΧΕΣ", "UNIT", "AdministrativeUnit"),  # a word that starts like ΤΜΗΜΑ
        ("ΠΟΛΕΟΔΟΜΙΑ", "UNIT", "AdministrativeUnit"),
        ("ΥΠΗΡΕΣΙΑ ΔΟΜΗΣΗΣ", "ADMINISTRATION", "Directorate"),
    ],
)
def test_unit_class(label: str, category: str, expected: str) -> None:
    assert unit_class(label, category) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ΓΡΑΦΕΙΟ ΔΗΜΑΡΧΟΥ", "Γραφείο Δημάρχου"),
        ("ΤΜΗΜΑ ΠΡΟΫΠΟΛΟΓΙΣΜΟΥ ΚΑΙ ΛΟΓΙΣΤΗΡΙΟΥ", "Τμήμα Προϋπολογισμού και Λογιστηρίου"),
        ("ΤΜΗΜΑ ΠΡΟΥΠΟΛΟΓΙΣΜΟΥ", "Τμήμα Προϋπολογισμού"),
        ("ΔΗΜΟΤΟΛΟΓΙΑ-ΜΗΤΡΩΑ ΑΡΡΕΝΩΝ", "Δημοτολόγια-Μητρώα Αρρένων"),
        ("ΚΟΙΝΟΤΗΤΑ ΜΥΡΙΝΑΣ", "ΚΟΙΝΟΤΗΤΑ ΜΥΡΙΝΑΣ"),  # a place name: left in capitals
        ("Τμήμα Ανακύκλωσης", "Τμήμα Ανακύκλωσης"),  # already in running-text case
        ("  ΠΟΛΕΟΔΟΜΙΑ ", "Πολεοδομία"),
    ],
)
def test_mixed_case(label: str, expected: str) -> None:
    assert mixed_case(label) == expected


def test_json_errors_name_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{\n    "units": [\n        {"uid": "1",\n', encoding="utf-8")
    error = error_of(path)
    assert "not valid JSON" in error.message
    assert error.location is not None and error.location.line == 4


def test_a_missing_field_names_its_line(tmp_path: Path) -> None:
    bad = unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ")
    del bad["label"]
    error = error_of(write(tmp_path / "u.json", {"units": [unit("1", "ΠΟΛΕΟΔΟΜΙΑ"), bad]}))
    assert error.message == "the unit has no «label»"
    # no label: the line the unit starts on
    assert str(error.location).endswith("u.json, line 12, field units[1].label")


def test_a_unit_twice_is_refused(tmp_path: Path) -> None:
    twice = [unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ"), unit("81215", "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ")]
    error = error_of(write(tmp_path / "u.json", {"units": twice}))
    assert "the unit 81215 appears twice (first on line" in error.message


def test_a_bad_uid_is_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "u.json", {"units": [unit("81A15", "ΠΟΛΕΟΔΟΜΙΑ")]}))
    assert "'81A15' is not a Diavgeia uid" in error.message


def test_a_region_is_refused(tmp_path: Path) -> None:
    region = {"uid": "5003", "label": "ΠΕΡΙΦΕΡΕΙΑ ΒΟΡΕΙΟΥ ΑΙΓΑΙΟΥ", "category": "REGION"}
    error = error_of(write(tmp_path / "region.json", region))
    assert "is a REGION on Diavgeia; this mapping is for municipalities" in error.message
    assert str(error.location).endswith("region.json, line 4, field category")


def test_an_organisation_not_in_the_code_list_is_refused(tmp_path: Path) -> None:
    other = {"uid": "99999999", "label": "ΝΠΔΔ ΤΟΥ ΔΗΜΟΥ", "category": "MUNICIPALITY"}
    error = error_of(write(tmp_path / "other.json", other))
    assert "not the uid of a municipality in the code list" in error.message


def test_two_organisations_in_one_file_are_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "two.json", LEMNOS, LEMNOS))
    assert "a second organisation response" in error.message


def test_an_unknown_document_is_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "x.json", {"decisions": []}))
    assert "the object has the keys decisions" in error.message


def test_another_municipalitys_file_is_refused_by_the_profile() -> None:
    """The file is Kalamata's: lifted as Lemnos's, the municipality gets two codes."""
    lifted = lift(
        EXAMPLE, get_mapping("diavgeia-units"), municipality="5501", parameters={}, base_uri=BASE
    )
    with pytest.raises(ValidationFailed) as raised:
        check_lifted(lifted, "en")
    assert "demoi:municipality" in raised.value.report


def test_skip_invalid_rows_leaves_a_bad_unit_and_its_children_out(tmp_path: Path) -> None:
    units = [
        unit("1", "ΔΙΕΥΘΥΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ ΥΠΗΡΕΣΙΩΝ"),
        unit("2x", "ΔΙΕΥΘΥΝΣΗ ΠΕΡΙΒΑΛΛΟΝΤΟΣ"),
        unit("3", "ΤΜΗΜΑ ΑΝΑΚΥΚΛΩΣΗΣ", parent="2x"),
    ]
    rejects: list[Reject] = []
    data = read(
        write(tmp_path / "u.json", {"units": units}),
        get_mapping("diavgeia-units"),
        ReadOptions(rejects=rejects),
    )
    assert [row[0] for row in data.tables["units"].rows] == ["1"]
    assert [reject.location.line for reject in rejects] == [13, 28]  # the uid, the parentId
    assert "'2x' is not a Diavgeia uid" in rejects[0].reason
    assert "parentId 2x is neither the organisation" in rejects[1].reason
