"""The service_catalogue reader: a municipal website's service catalogue in JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from demoi.errors import DataError
from demoi.lifting import get_mapping
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources.service_catalogue import json_records, law_slug, read
from demoi.lifting.tabular import Reject

PERMIT: dict[str, Any] = {
    "nid": "017",
    "title": "Χορήγηση άδειας χρήσης κοινόχρηστου χώρου",
    "body": "<p>Άδεια για τραπεζοκαθίσματα&nbsp;σε πεζοδρόμιο.</p>",
    "field_epipedo": "Επίπεδο 2",
    "field_kanalia": [
        {"type": "Ηλεκτρονικά", "url": "https://www.kalamata.gr/e-services/koinoxrista"},
        "Αυτοπρόσωπα",
        "Ηλεκτρονικό ταχυδρομείο",
    ],
    "field_kostos": "Παράβολο 1.500,00 €",
    "field_xronos": "20 εργάσιμες ημέρες",
    "field_prothesmia": "50 ημέρες",
    "field_nomothesia": "ν. 1080/1980, άρθρο 3; ν.3463/2006",
    "field_mitos": "https://mitos.gov.gr/index.php/ΔΔ:123456",
    "field_dikaiologitika": ["Αίτηση", "Βεβαίωση μη οφειλής (αναζητείται αυτεπάγγελτα)"],
    "field_apotelesma": "Άδεια χρήσης κοινόχρηστου χώρου",
    "field_ypeythynos": "Ιωάννης Δημητρίου",
}


def write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "services.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def tables(path: Path, rejects: list[Reject] | None = None) -> dict[str, list[dict[str, str]]]:
    data = read(path, get_mapping("service-catalogue"), ReadOptions(rejects=rejects))
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


def test_records_and_their_lines_in_a_drupal_export() -> None:
    text = (
        '{"view": "x",\n "nodes": [\n  {"node": {"nid": "1"}},\n\n  {"node": {"nid": "2"}}\n ]\n}'
    )
    assert list(json_records(text, "f.json")) == [
        (3, "nodes[0].node", {"nid": "1"}),
        (5, "nodes[1].node", {"nid": "2"}),
    ]


def test_records_of_a_bare_list() -> None:
    records = list(json_records('[{"a": 1},\n{"a": 2}]', "f.json"))
    assert records == [(1, "[0]", {"a": 1}), (2, "[1]", {"a": 2})]


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(DataError) as raised:
        list(json_records('[{"a": 1},\n{"a" 2}]', "f.json"))
    assert str(raised.value.location) == "f.json, line 2, column 6"


def test_a_document_without_services() -> None:
    with pytest.raises(DataError, match="neither a list of services"):
        list(json_records('{"count": 0}', "f.json"))


@pytest.mark.parametrize(
    ("reference", "slug"),
    [
        ("ν. 3463/2006", "n-3463-2006"),
        ("Ν.3463/2006", "n-3463-2006"),
        ("ν. 3463/2006, άρθρο 75", "n-3463-2006-arthro-75"),
        ("π.δ. 497/1991", "pd-497-1991"),
        ("ΚΥΑ 41087/2017", "kya-41087-2017"),
        ("Κανονισμός (ΕΕ) 2016/679", "kanonismos-ee-2016-679"),
    ],
)
def test_legal_resource_names(reference: str, slug: str) -> None:
    assert law_slug(reference) == slug


def test_a_service_and_its_parts(tmp_path: Path) -> None:
    found = tables(write(tmp_path, {"nodes": [{"node": PERMIT}]}))
    assert found["source"] == [
        {
            "id": "017",
            "title": "Χορήγηση άδειας χρήσης κοινόχρηστου χώρου",
            "title_en": "",
            "description": "Άδεια για τραπεζοκαθίσματα σε πεζοδρόμιο.",
            "level": "2",
            "processing_time": "P28D",  # 20 working days span 28 calendar days
            "deadline": "P50D",
            "mitos": "123456",
        }
    ]
    assert [(c["channel"], c["type"], c["url"]) for c in found["channels"]] == [
        ("online", "online", "https://www.kalamata.gr/e-services/koinoxrista"),
        ("office", "office", ""),
        ("email", "email", ""),
    ]
    assert found["costs"] == [
        {"id": "017", "number": "1", "amount": "1500.00", "description": "Παράβολο 1.500,00 €"}
    ]
    assert [(e["title"], e["ex_officio"]) for e in found["evidence"]] == [
        ("Αίτηση", ""),
        ("Βεβαίωση μη οφειλής", "true"),
    ]
    assert found["legal"] == [
        {"id": "017", "law": "n-1080-1980-arthro-3"},
        {"id": "017", "law": "n-3463-2006"},
    ]
    assert found["laws"][1] == {"law": "n-3463-2006", "label": "ν.3463/2006"}
    # The employee in charge is never read.
    assert "Δημητρίου" not in str(found)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("field_epipedo", "Επίπεδο 4", "is not an interactivity level 1, 2 or 3"),
        ("field_xronos", "λίγες μέρες", "is not a duration such as 20 ημέρες"),
        ("field_kostos", "κατά περίπτωση", "is not an amount in euro"),
        ("field_kanalia", ["Περιστέρι"], "is not a channel such as Ηλεκτρονικά"),
        ("field_mitos", "ΜΙΤΟΣ-Α", "is not a Mitos id of digits"),
    ],
)
def test_bad_fields_name_the_service_line_and_field(
    tmp_path: Path, field: str, value: Any, message: str
) -> None:
    path = write(tmp_path, [{**PERMIT, field: value}])
    with pytest.raises(DataError) as raised:
        tables(path)
    assert message in raised.value.message
    assert str(raised.value.location) == f"{path}, line 2, field [0].{field}"


def test_level_two_without_an_online_channel(tmp_path: Path) -> None:
    path = write(tmp_path, [{**PERMIT, "field_kanalia": ["ΚΕΠ"]}])
    with pytest.raises(DataError) as raised:
        tables(path)
    assert "level 2 means the service is used online" in raised.value.message
    assert str(raised.value.location).endswith("line 2, field [0].field_kanalia")


def test_a_missing_required_field(tmp_path: Path) -> None:
    record = {key: value for key, value in PERMIT.items() if key != "body"}
    with pytest.raises(DataError, match="the service has no field Περιγραφή / body"):
        tables(write(tmp_path, [record]))


def test_skip_invalid_rows_leaves_out_a_bad_service(tmp_path: Path) -> None:
    rejects: list[Reject] = []
    other = {**PERMIT, "nid": "018", "field_epipedo": "πολύ"}
    found = tables(write(tmp_path, [PERMIT, other]), rejects)
    assert [s["id"] for s in found["source"]] == ["017"]
    assert len(rejects) == 1 and "interactivity level" in rejects[0].reason
