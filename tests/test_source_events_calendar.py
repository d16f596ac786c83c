"""The events_calendar reader: a municipal cultural agenda from Excel or a website."""

from __future__ import annotations

from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting import get_mapping
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources._greek import clock
from demoi.lifting.sources.events_calendar import is_organisation, read
from demoi.lifting.tabular import Reject

HEADER = (
    "Κωδικός;Τίτλος;Είδος;Ημερομηνία έναρξης;Ώρα έναρξης;Ημερομηνία λήξης;Ώρα λήξης;Χώρος;"
    "Ελεύθερη είσοδος;Διοργανωτής;Στο πλαίσιο"
)


def write(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "events.csv"
    text = "\n".join([header, *lines]) + "\n"
    path.write_text(text, encoding="utf-8-sig")
    return path


def tables(path: Path) -> dict[str, list[dict[str, str]]]:
    data = read(path, get_mapping("cultural-events"), ReadOptions())
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("21:00", "21:00:00"),
        ("21.00", "21:00:00"),
        ("9:30 μ.μ.", "21:30:00"),
        ("11:00 π.μ.", "11:00:00"),
        ("12 μ.μ.", "12:00:00"),
        ("9:30 pm", "21:30:00"),
        ("21:30:00", "21:30:00"),
        ("", ""),
    ],
)
def test_times_as_agendas_write_them(written: str, canonical: str) -> None:
    assert clock(written) == canonical


@pytest.mark.parametrize("written", ["25:00", "21:75", "βράδυ", "13 μ.μ."])
def test_a_bad_time_is_refused(written: str) -> None:
    with pytest.raises(ValueError):
        clock(written)


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("ΔΗΠΕΘΕ Καλαμάτας", True),
        ("Πολιτιστικός Σύλλογος Καλαμάτας", True),
        ("Φιλαρμονική Δήμου Καλαμάτας", True),
        ("Εκδόσεις Φάρις Α.Ε.", True),
        ("ΚΕΔΗΚ", True),
        ("Μαρία Κωνσταντίνου", False),  # a person: never published
        ("Γιώργος Δημόπουλος", False),  # a surname that starts like «Δήμος»
        ("ΓΙΑΝΝΗΣ ΚΕΝΤΡΩΤΗΣ", False),
    ],
)
def test_only_organisations_are_kept_as_organisers(name: str, organisation: bool) -> None:
    assert is_organisation(name) is organisation


def test_an_event_with_times_gets_stamps_and_a_late_end_the_next_day(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "E1;Φεστιβάλ;Φεστιβάλ;12/7/2024;;21/7/2024;;Κάστρο;ΟΧΙ;Δήμος Καλαμάτας;",
        "E2;Συναυλία;Συναυλία;21/07/2024;22.00;;00:30;Κάστρο;Εισιτήριο 10 €;Μαρία Κωνσταντίνου;Ε1",
    )
    found = tables(path)
    festival, concert = found["source"]
    assert (festival["start_date"], festival["start_stamp"]) == ("2024-07-12", "")
    assert festival["schema_type"] == "Festival" and festival["free"] == "false"
    assert concert["start_stamp"] == "2024-07-21T22:00:00+03:00"
    assert concert["parent"] == "E1"  # the Greek Ε of «Ε1» is read as the Latin E
    assert found["ends"] == [
        {"code": "E1", "end_date": "2024-07-21", "end_stamp": ""},
        {"code": "E2", "end_date": "", "end_stamp": "2024-07-22T00:30:00+03:00"},
    ]
    assert found["venues"] == [{"venue": "kastro", "name": "Κάστρο"}]
    # The municipality by its code; the person is dropped.
    assert found["organisers"] == [
        {"code": "E1", "organiser_municipality": "4401", "organiser": "", "label": ""}
    ]


def test_a_website_export_with_commas_iso_dates_and_html(tmp_path: Path) -> None:
    header = (
        "Event ID,Event Name,Event Start Date,Event Start Time,Event Venue Name,Event Cost,"
        "Event Organizers,Event Description"
    )
    path = write(
        tmp_path,
        'E7,Προβολή,2024-08-10,9:00 pm,Πάρκο,0,"ΔΗΠΕΘΕ Καλαμάτας; Δήμος Καλαμάτας",'
        '"<p>Ταινία&nbsp;στο πάρκο</p>"',
        header=header,
    )
    found = tables(path)
    (event,) = found["source"]
    assert event["start_stamp"] == "2024-08-10T21:00:00+03:00"
    assert event["free"] == "true"  # a cost of 0
    assert event["description"] == "Ταινία στο πάρκο"
    assert [o["organiser"] or o["organiser_municipality"] for o in found["organisers"]] == [
        "dipethe-kalamatas",
        "4401",
    ]


def test_an_end_before_the_start_names_the_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "E1;Έκθεση;Έκθεση;12/10/2024;;01/10/2024;;Κάστρο;ΝΑΙ;;")
    with pytest.raises(DataError) as raised:
        tables(path)
    assert raised.value.message == (
        "'01/10/2024' in column 'Ημερομηνία λήξης' is not after the start (12/10/2024)"
    )
    assert str(raised.value.location).endswith("events.csv, line 2, column Ημερομηνία λήξης")


def test_an_unknown_festival_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "E2;Συναυλία;;21/07/2024;22:00;;;Κάστρο;ΝΑΙ;;E9")
    with pytest.raises(DataError, match="'E9' in column 'Στο πλαίσιο' is not the code of another"):
        tables(path)


def test_a_bad_free_entry_value(tmp_path: Path) -> None:
    path = write(tmp_path, "E1;Συναυλία;;21/07/2024;;;;Κάστρο;ίσως;;")
    with pytest.raises(DataError, match="'ίσως' in column 'Ελεύθερη είσοδος'"):
        tables(path)


def test_midnight_end_is_the_next_day(tmp_path: Path) -> None:
    path = write(tmp_path, "E1;Γιορτή;;31/12/2024;22:00;;24:00;Πλατεία;ΝΑΙ;;")
    assert tables(path)["ends"][0]["end_stamp"] == "2025-01-01T00:00:00+02:00"


def test_skip_invalid_rows_leaves_out_an_event_of_an_unknown_festival(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "E1;Φεστιβάλ;Φεστιβάλ;12/7/2024;;21/7/2024;;Κάστρο;ΟΧΙ;;",
        "E2;Συναυλία;;21/07/2024;22:00;;;Κάστρο;ΝΑΙ;;E9",
    )
    rejects: list[Reject] = []
    data = read(path, get_mapping("cultural-events"), ReadOptions(rejects=rejects))
    assert [row[0] for row in data.tables["source"].rows] == ["E1"]
    assert [(reject.location.line, reject.cells[0]) for reject in rejects] == [(3, "E2")]
