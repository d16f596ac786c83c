"""The diavgeia reader: Diavgeia OpenData API JSON to the tables of the decisions mapping, and
the counterparty rule it shares with the kimdis reader."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, SHARED_DATA
from demoi.errors import DataError
from demoi.greek_time import greek_date
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources._counterparties import bodies, legal_entity, valid_afm
from demoi.lifting.sources._jsonpath import Lines
from demoi.lifting.sources.diavgeia import (
    TABLES,
    _amount,
    _instant,
    decision_types,
    kae_code,
    read,
)
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

SAMPLES = SHARED_DATA / "diavgeia-api-samples"
MAPPING = get_mapping("diavgeia-decisions")


def decision(**changes: Any) -> dict[str, Any]:
    """A Β.1.3 of Kalamata as GET /decisions/{ΑΔΑ} gives it, with ``changes``."""
    raw: dict[str, Any] = {
        "protocolNumber": "Α/301",
        "subject": "Ανάληψη υποχρέωσης",
        "issueDate": 1746576000000,
        "organizationId": "6130",
        "signerIds": ["100071236"],
        "unitIds": ["81322"],
        "decisionTypeId": "Β.1.3",
        "extraFieldValues": {
            "financialYear": 2025,
            "entryNumber": "Α/112",
            "amountWithVAT": {"amount": 1240.0, "currency": "EUR"},
            "amountWithKae": [{"kae": "10.6612.0001", "amountWithVAT": 1240.0}],
        },
        "ada": "ΨΦ5ΛΩΞΑ-Ρ8Τ",
        "publishTimestamp": 1746694622112,
        "submissionTimestamp": 1746694622112,
        "versionId": "0b9e4c71-5a2d-4f86-b3e0-c7d1a2f6e948",
        "status": "PUBLISHED",
        "correctedVersionId": None,
    }
    raw.update(changes)
    return raw


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=4), encoding="utf-8")
    return path


def tables(path: Path, rejects: list[Reject] | None = None) -> dict[str, list[dict[str, str]]]:
    data = read(path, MAPPING, ReadOptions(rejects=rejects))
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


def test_the_descriptor_documents_the_decisions_table() -> None:
    assert [column.name for column in MAPPING.columns] == TABLES["decisions"]


def test_35_decision_types_and_not_the_groups() -> None:
    types = decision_types()
    assert len(types) == 35
    assert {"Β.1.3", "Δ.2.2", "2.4.7.1", "100"} <= types
    assert "2.4.7" not in types


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kae"),
    [
        ("6641.01", "6641.01"),
        ("20.6641.0001", "6641.0001"),
        ("02.20.6641.001", "6641.001"),
        ("10-6422.0001", "6422.0001"),
        ("00.6031", "6031"),
        ("7135.0005", "7135.0005"),
    ],
)
def test_kae_codes_lose_the_budget_line_prefix(written: str, kae: str) -> None:
    assert kae_code(written) == kae


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2410202001", "state-budget code"),  # the real single decision
        ("1611.0000", "revenue or non-municipal"),  # the real search sample
        ("2009ΣΕ01980013", "ΣΑΕ project code"),
        ("2009ΣE01980013", "ΣΑΕ project code"),  # with a Latin E
        ("ΚΑΥΣΙΜΑ", "expenditure KAE code such as"),
        ("20.6641.00001", "expenditure KAE code such as"),
    ],
)
def test_what_is_not_a_kae_code_says_what_it_is(written: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        kae_code(written)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        (4139.16, "4139.16"),
        (63000.0, "63000.00"),
        (1604, "1604.00"),
        ("101.022,19", "101022.19"),  # Greek text, as older responses give it
        ("4588", "4588.00"),
        ("203.86", "203.86"),
        ("1.604", "1604.00"),  # a thousands dot, not a decimal one
        ("4.139,16 €", "4139.16"),
    ],
)
def test_amounts(written: object, amount: str) -> None:
    assert _amount(written) == amount


@pytest.mark.parametrize(
    ("written", "why"),
    [("094519829", "tax number"), ("20.6641.0001", "KAE code"), ("12,500.00", "4139.16")],
)
def test_misplaced_values_in_an_amount_are_refused(written: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        _amount(written)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        (1744848000000, "2025-04-17"),  # midnight UTC, as the API writes issueDate
        ("2025-04-15T00:00:00+00:00", "2025-04-15"),  # the client's ISO string
        ("2014-06-30+02:00", "2014-06-30"),  # midnight Greek time: 22:00 UTC the day before
        ("2025-01-31T23:30:00Z", "2025-02-01"),  # winter: UTC+2
        ("2025-07-31T21:30:00Z", "2025-08-01"),  # summer: UTC+3
        ("2025-07-31T20:30:00Z", "2025-07-31"),
    ],
)
def test_days_are_taken_in_greek_time(written: object, day: str) -> None:
    assert greek_date(_instant(written)).isoformat() == day


def test_epoch_milliseconds_and_iso_strings_are_the_same_instant() -> None:
    assert _instant(1744887202831) == _instant("2025-04-17T10:53:22.831000Z")
    assert _instant("1744887202831") == datetime(2025, 4, 17, 10, 53, 22, 831000, UTC)


def test_json_lines_of_every_value() -> None:
    lines = Lines('{\n "a": [\n  1,\n  {"b": "x\\"y"}\n ],\n "c": null\n}')
    assert lines.of(("a", 0)) == 3
    assert lines.of(("a", 1, "b")) == 4
    assert lines.of(("c",)) == 6
    assert lines.of(("a", 1, "missing")) == 4  # the nearest ancestor


# --- counterparties --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("afm", "name", "kept"),
    [
        ("800540669", "ALBA EXPRESS TRAVEL ΜΟΝΟΠΡΟΣΩΠΗ ΕΤΑΙΡΙΑ ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΕΥΘΥΝΗΣ", True),
        ("094289571", "ΚΡΙ ΚΡΙ ΒΙΟΜΗΧΑΝΙΑ ΓΑΛΑΚΤΟΣ ΑΒΕΕ", True),  # 0 series, legal form
        ("098765430", "ΚΑΤΣΑΡΟΣ Π. & ΣΙΑ Ο.Ε.", True),  # a partnership
        ("800903111", "ΧΑΡΤΟΠΩΛΕΙΟ ΚΑΛΑΜΑΤΑΣ", True),  # 8 series: legal entities only
        ("996887930", "ΠΡΟΕΔΡΙΑ ΤΗΣ ΚΥΒΕΡΝΗΣΗΣ", True),
        ("055812251", "ΚΑΡΑΠΑΤΑΚΗ,,ΕΜΜΑΝΩΛΙΑ,ΒΑΣΙΛΕΙΟΣ", False),  # the registry's person form
        ("800540669", "ΠΑΠΑΔΑΚΗΣ,,ΝΙΚΟΛΑΟΣ,ΓΕΩΡΓΙΟΣ", False),  # whatever the series
        ("045123671", "ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ", False),  # a sole trader may look like this: unsure
        ("045123671", "", False),
        ("094519828", "ΠΕΤΡΕΛΑΙΟΕΙΔΗ Α.Ε.", False),  # a wrong check digit
        ("DE811569869", "ACME GMBH", False),  # foreign: not a Greek ΑΦΜ
    ],
)
def test_only_legal_entities_are_kept(afm: str, name: str, kept: bool) -> None:
    assert (legal_entity(afm, name) is not None) is kept


def test_a_foreign_afm_type_is_not_kept() -> None:
    assert legal_entity("800540669", "ALBA Α.Ε.", "EU") is None


def test_the_code_list_gives_every_municipality_its_diavgeia_uid_and_afm() -> None:
    known = bodies()
    assert len(known.municipality_by_uid) == 332
    assert known.municipality_by_uid["6130"] == "4401"
    assert known.municipality_by_afm["997911992"] == "4401"
    assert all(valid_afm(afm) for afm in known.municipality_by_afm)
    assert len(known.region_uids) == 13


# --- the reader ------------------------------------------------------------------------------


def test_the_search_example(tmp_path: Path) -> None:
    found = tables(EXAMPLES / "decisions" / "4401-2025-search.json")
    assert len(found["decisions"]) == 8
    by_ada = {row["ada"]: row for row in found["decisions"]}
    # amount: null for the total of a commitment: the sum of its lines
    assert by_ada["Ψ3Ε8ΩΞΑ-Κ7Μ"]["total"] == "2050.50"
    # a Latin A in the type, a Greek status
    assert by_ada["6Ζ1ΚΩΞΑ-Ο4Π"]["type"].endswith("/%CE%91.2")
    assert by_ada["6Ζ1ΚΩΞΑ-Ο4Π"]["status"] == "PUBLISHED"
    # the commitment's ΑΔΑ typed with Latin A and I
    assert {"ada": "6Ρ7ΦΩΞΑ-ΒΛ4", "commitment": "ΨΚΛ2ΩΞΑ-Ι3Σ"} in found["commitments"]
    # the municipality listed among its own contractors is dropped
    assert {"ada": "ΩΤ9ΜΩΞΑ-Η2Ε", "afm": "801324577", "person": ""} in found["contractors"]
    assert all(row["afm"] != "997911992" for row in found["contractors"])
    # a related act of another body (ΨΣΞΕ6-ΟΑ8) is left out
    assert [row["related"] for row in found["related"] if row["ada"] == "ΨΒ2ΗΩΞΑ-7ΤΡ"] == [
        "Ω8ΔΞΩΞΑ-3ΦΛ"
    ]


def test_natural_persons_reach_only_the_columns_declared_personal() -> None:
    """A counterparty that may be a natural person is handed to the personal-data guard in a
    column the reader declares personal (the shipped policy drops it); its name never leaves
    the reader, and no other column holds it."""
    path = EXAMPLES / "decisions" / "4401-2025-search.json"
    data = read(path, MAPPING, ReadOptions())
    assert data.personal == {
        ("items", "beneficiary_person"): "afm",
        ("contractors", "person"): "afm",
    }
    found = tables(path)
    text = json.dumps(found, ensure_ascii=False)
    for name in ("ΠΑΠΑΔΑΚΗΣ", "ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ", "100071236"):
        assert name not in text
    declared = {row["beneficiary_person"] for row in found["items"]} | {
        row["person"] for row in found["contractors"]
    }
    for afm in ("123456783", "045123671"):
        assert afm in declared
        elsewhere = {
            (table, column)
            for table, rows in found.items()
            for row in rows
            for column, value in row.items()
            if afm in value and (table, column) not in data.personal
        }
        assert elsewhere == set()
    payment = [row for row in found["items"] if row["ada"] == "ΡΜ4ΖΩΞΑ-2ΦΘ"]
    assert [row["beneficiary"] for row in payment] == ["", "", ""]  # the lines stay


def test_a_corrected_version_is_described(tmp_path: Path) -> None:
    corrected = "e835b190-ac0a-4829-8b32-352e886f79da"
    found = tables(write(tmp_path, decision(correctedVersionId=corrected.upper())))
    assert [row["version"] for row in found["versions"]] == [
        "0b9e4c71-5a2d-4f86-b3e0-c7d1a2f6e948",
        corrected,
    ]
    assert found["versions"][0]["corrects"] == corrected


def test_pages_in_an_array_and_a_decision_on_two_pages(tmp_path: Path) -> None:
    info = {"query": "q", "total": 2}
    second = decision(ada="ΨΦ6ΛΩΞΑ-Ρ9Τ", versionId="1b9e4c71-5a2d-4f86-b3e0-c7d1a2f6e948")
    document = [
        {"decisions": [decision()], "info": info},
        {"decisions": [decision(), second], "info": info},
    ]
    found = tables(write(tmp_path, document))
    assert [row["ada"] for row in found["decisions"]] == ["ΨΦ5ΛΩΞΑ-Ρ8Τ", "ΨΦ6ΛΩΞΑ-Ρ9Τ"]


def test_one_decision_in_two_versions_is_refused(tmp_path: Path) -> None:
    other = decision(versionId="1b9e4c71-5a2d-4f86-b3e0-c7d1a2f6e948")
    with pytest.raises(DataError, match="appears twice, with two versions"):
        tables(write(tmp_path, [decision(), other]))


def test_a_region_is_not_a_municipality(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="a region") as raised:
        tables(write(tmp_path, decision(organizationId="5012")))
    assert raised.value.location is not None
    assert raised.value.location.field == "organizationId"


def test_another_body_is_named_by_its_diavgeia_uid(tmp_path: Path) -> None:
    found = tables(write(tmp_path, decision(organizationId="99221443")))
    row = found["decisions"][0]
    assert (row["issuer_municipality"], row["issuer_body"]) == ("", "99221443")
    assert found["units"][0]["issuer_body"] == "99221443"


@pytest.mark.parametrize(
    ("changes", "message", "column"),
    [
        ({"ada": "ΨΦ5ΛΩΞΑ-Ρ8"}, "is not an ΑΔΑ", "ada"),
        ({"decisionTypeId": "2.4.2"}, "decision type that a decision can have", "decisionTypeId"),
        ({"status": "DRAFT"}, "PUBLISHED, PENDING_REVOCATION or REVOKED", "status"),
        ({"issueDate": "17/04/2025"}, "milliseconds since 1970", "issueDate"),
        ({"versionId": "1"}, "version UUID", "versionId"),
        ({"subject": ""}, "«subject» is missing or empty", "subject"),
    ],
)
def test_errors_name_the_decision_the_field_and_the_value(
    tmp_path: Path, changes: dict[str, Any], message: str, column: str
) -> None:
    path = write(tmp_path, {"decisions": [decision(**changes)]})
    with pytest.raises(DataError, match=message) as raised:
        tables(path)
    location = raised.value.location
    assert location is not None
    assert location.file == str(path)
    assert location.field == f"decisions[0].{column}"
    assert location.line is not None and location.line > 1


def test_a_commitment_line_without_amount_is_refused(tmp_path: Path) -> None:
    extra = decision()["extraFieldValues"]
    extra["amountWithKae"][0]["amountWithVAT"] = None
    with pytest.raises(DataError, match="line 1 of «amountWithKae» has no amount"):
        tables(write(tmp_path, decision(extraFieldValues=extra)))


def payment(**line: Any) -> dict[str, Any]:
    """A Β.2.1 of Kalamata with one «sponsor» line holding ``line`` besides its amount."""
    sponsor = {"sponsorAFMName": {}, "expenseAmount": {"amount": 4588.0, "currency": "EUR"}}
    return decision(
        decisionTypeId="Β.2.1",
        extraFieldValues={"sponsor": [sponsor | line], "relatedAnalipsiYpoxreosis": []},
    )


@pytest.mark.parametrize("line", [{}, {"kae": None}, {"kae": ""}, {"kae": "  "}])
def test_a_payment_line_without_kae_is_kept_without_one(
    tmp_path: Path, line: dict[str, Any]
) -> None:
    """Regression: every Β.2.x of Diavgeia's real search sample was refused for its lines'
    missing «kae», which Diavgeia does not require on «sponsor» lines."""
    items = tables(write(tmp_path, payment(**line)))["items"]
    assert [(item["kae"], item["amount"]) for item in items] == [("", "4588.00")]


def test_a_payment_line_with_a_wrong_kae_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="revenue or non-municipal code") as raised:
        tables(write(tmp_path, payment(kae="1611.0000")))
    assert raised.value.location is not None
    assert raised.value.location.field == "extraFieldValues.sponsor[0].kae"


@pytest.mark.parametrize("kae", [None, "", " "])
def test_a_commitment_line_without_kae_is_refused(tmp_path: Path, kae: str | None) -> None:
    extra = decision()["extraFieldValues"]
    extra["amountWithKae"][0]["kae"] = kae
    with pytest.raises(DataError, match="line 1 of «amountWithKae» has no «kae»") as raised:
        tables(write(tmp_path, decision(extraFieldValues=extra)))
    assert raised.value.location is not None
    assert raised.value.location.field == "extraFieldValues.amountWithKae[0].kae"


def test_a_commitment_without_lines_is_refused(tmp_path: Path) -> None:
    extra = decision()["extraFieldValues"]
    extra["amountWithKae"] = []
    with pytest.raises(DataError, match="«amountWithKae» has no lines"):
        tables(write(tmp_path, decision(extraFieldValues=extra)))


def test_an_award_to_a_natural_person_names_no_one(tmp_path: Path) -> None:
    path = Path(__file__).parent / "cases/mappings/decisions/diavgeia-award-natural-person"
    with pytest.raises(DataError) as raised:
        tables(path / "source.json")
    assert "ΠΑΠΑΔΑΚΗΣ" not in str(raised.value)
    assert "123456783" not in str(raised.value)


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text('{\n  "ada": "Ψ",\n  oops\n}', encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON") as raised:
        tables(path)
    assert raised.value.location is not None and raised.value.location.line == 3


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_bytes('{"subject": "Ανάληψη"}'.encode("cp1253"))
    with pytest.raises(DataError, match="not UTF-8"):
        tables(path)


# --- the real samples ------------------------------------------------------------------------


def test_real_search_with_skip_invalid_rows_keeps_the_first_organisation() -> None:
    rejects: list[Reject] = []
    found = tables(SAMPLES / "simple_query_search_result.json", rejects)
    assert [row["ada"] for row in found["decisions"]] == [
        "Ψ6Δ1ΩΗΚ-ΗΚΞ",
        "ΡΑΤΑΩΗΚ-ΘΤΖ",
        "ΕΛΝ7ΩΗΚ-0ΕΓ",
    ]
    assert len(rejects) == 18
    reasons = " ".join(reject.reason for reject in rejects)
    assert "is of the Diavgeia organisation 99221443" in reasons
    # rejected rows carry what the decision is, never a counterparty
    assert all(len(reject.cells) == 3 for reject in rejects)


def test_real_search_of_tyrnavos_lifts_and_conforms() -> None:
    lifted = lift(
        SAMPLES / "simple_query_search_result.json",
        MAPPING,
        municipality="2206",
        parameters={"year": "2025"},
        base_uri="http://127.0.0.1:8000/",
        rejects=[],
    )
    assert check_lifted(lifted, "en").conforms
    assert "Έγκριση 2ης παράτασης" in lifted.ntriples.decode()


def test_real_search_lifted_as_another_municipality_is_refused() -> None:
    lifted = lift(
        SAMPLES / "simple_query_search_result.json",
        MAPPING,
        municipality="4401",
        parameters={"year": "2025"},
        base_uri="http://127.0.0.1:8000/",
        rejects=[],
    )
    with pytest.raises(DataError, match="violation"):
        check_lifted(lifted, "en")


def test_real_single_decision_reads_epoch_milliseconds() -> None:
    rejects: list[Reject] = []
    tables(SAMPLES / "one_decisions_details.json", rejects)
    assert [reject.cells for reject in rejects] == [["Ψ11446ΜΓΨ7-ΠΚΛ", "Β.1.3", "100048574"]]


def real_decisions_of(tmp_path: Path, organisation: str) -> Path:
    """The decisions of one organisation in the real search sample, as they are there."""
    search = json.loads((SAMPLES / "simple_query_search_result.json").read_text("utf-8"))
    found = [raw for raw in search["decisions"] if raw["organizationId"] == organisation]
    return write(tmp_path, found)


def test_real_payment_decisions_without_kae_are_published(tmp_path: Path) -> None:
    """Regression: the real Β.2.1 decisions of Δήμος Αγίου Βασιλείου (uid 6006) have «sponsor»
    lines without «kae» and were refused; they are published, and the profile warns."""
    lifted = lift(
        real_decisions_of(tmp_path, "6006"),
        MAPPING,
        municipality="7302",
        parameters={"year": "2025"},
        base_uri="http://127.0.0.1:8000/",
    )
    report = check_lifted(lifted, "en")
    missing_kae = [
        finding.focus
        for finding in report.warnings
        if finding.shape.endswith("#ExpenditureDecisionItem-kae-count")
    ]
    assert sorted(missing_kae) == [
        "http://127.0.0.1:8000/id/decision/7302/6ΘΘΚΩ6Τ-Ξ1Ρ/item/1",
        "http://127.0.0.1:8000/id/decision/7302/ΨΥΝ1Ω6Τ-Ι7Δ/item/1",
        "http://127.0.0.1:8000/id/decision/7302/ΨΩ0ΙΩ6Τ-ΧΒΠ/item/1",
    ]
    assert b"decisions#kae" not in lifted.ntriples


def test_real_payment_lines_keep_their_legal_entity_without_kae(tmp_path: Path) -> None:
    found = tables(real_decisions_of(tmp_path, "50004"))
    assert [
        (row["ada"], row["kae"], row["amount"], row["beneficiary"]) for row in found["items"]
    ] == [
        ("6ΣΦΜΟΡ9Δ-ΞΨ0", "", "4588.00", ""),
        ("ΨΔ44ΟΡ9Δ-2ΓΨ", "", "1604.00", "800540669"),
        ("ΨΔ44ΟΡ9Δ-2ΓΨ", "", "1308.00", "800540669"),
    ]
