"""The air-quality workbook reader (src/demoi/lifting/sources/airquality.py): the station register
with its DMS coordinates, the station sheets with their year markers, and the tables it gives;
errors name the sheet, row and column. The real Thessaloniki workbook is read too."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import EXAMPLES, workbook
from demoi.errors import DataError, UsageError
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions, SourceData, read_source
from demoi.lifting.sources._workbook import period_end
from demoi.lifting.tabular import Reject

SAMPLE = EXAMPLES / "environment" / "0701-air-quality.xlsx"
REAL = "thessaloniki-air-quality/metriseis_atmosfairikis_rypansis_dimotikoy_diktyoy_2010_2013.xlsx"
HEADER = ["Στ. Ατμοσφαιρικής\nΡύπανσης", "A.A.", "Ημερο -\nμηνία", "Ημέρα", "PM10\nμg/m3",
          "CO\nmg/m3"]  # fmt: skip
REGISTER = [
    ["Α/Α", "Όνομα\nΣυμβολή οδών", "Έναρξη\nΛειτουργίας (Έτος)", "Γεωγραφικό\nΜήκος",
     "Γεωγραφικό\nΠλάτος", "Χαρακτηρισμός"],
    [1, "Σταθμός οδού Εγνατίας\nκαι Ίωνος Δραγούμη", 1989, "40ο 38' 15.62''Ν",
     "22ο 56' 28.68''Ε", "Αστικός -\n Κυκλοφορίας"],
]  # fmt: skip


def read(path: Path, sheet: str | None = None, rejects: list[Reject] | None = None) -> SourceData:
    return read_source(path, get_mapping("air-quality-daily"), ReadOptions(None, sheet, rejects))


def rows(data: SourceData, table: str) -> list[dict[str, str]]:
    found = data.tables[table]
    return [dict(zip(found.columns, row, strict=True)) for row in found.rows]


def day(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts)  # type: ignore[arg-type]


def station_sheet(*days: Sequence[object]) -> list[Sequence[object]]:
    return [HEADER, *days]


# --- helpers ---------------------------------------------------------------------------------


def test_a_period_ends_at_greek_midnight_with_the_offset_of_that_day() -> None:
    assert period_end(datetime.date(2010, 1, 7), days=1) == "2010-01-08T00:00:00+02:00"
    assert period_end(datetime.date(2013, 3, 30), days=1) == "2013-03-31T00:00:00+02:00"
    assert period_end(datetime.date(2013, 3, 31), days=1) == "2013-04-01T00:00:00+03:00"
    assert period_end(datetime.date(2024, 12, 1), months=1) == "2025-01-01T00:00:00+02:00"


# --- the example workbook --------------------------------------------------------------------


def test_sample_gives_stations_with_coordinates_placed_by_hemisphere() -> None:
    data = read(SAMPLE)
    assert [row["station"] for row in rows(data, "stations")] == [
        "egnatias",
        "lagkada",
        "neou-dimarcheiou",
    ]
    egnatia = rows(data, "stations")[0]
    assert egnatia == {
        "station": "egnatias",
        "label": "Σταθμός οδού Εγνατίας και Ίωνος Δραγούμη",
        "since": "1989",
        "area": "urban",
        "classification": "traffic",
    }
    # The sheet has the latitude under «Γεωγραφικό Μήκος»: the hemisphere letter decides.
    geometries = {row["station"]: row["wkt"] for row in rows(data, "geometries")}
    assert geometries["egnatias"] == "POINT(22.941300 40.637672)"
    # «22ο 57' 14,41''Ε»: a decimal comma in the seconds.
    assert geometries["neou-dimarcheiou"] == "POINT(22.954003 40.640389)"


def test_sample_observations_skip_empty_and_hash_cells() -> None:
    observations = rows(read(SAMPLE), "observations")
    assert len(observations) == 84
    lagkada_co = [
        row for row in observations if row["station"] == "lagkada" and row["pollutant"] == "co"
    ]
    # «#» on 28 and 29 March; «0,4» typed as text on the 31st.
    assert [(row["date"], row["value"]) for row in lagkada_co] == [
        ("2013-03-30", "0.6"),
        ("2013-03-31", "0.4"),
        ("2013-04-01", "0.9"),
        ("2013-04-02", "1.1"),
    ]
    assert {row["unit"] for row in lagkada_co} == {"MilliGM-PER-M3"}
    # The day typed as text (30/03/2013) is read like the Excel dates; summer time starts on
    # 31 March, so that day's mean ends at +03:00.
    ends = {row["date"]: row["result_time"] for row in lagkada_co}
    assert ends["2013-03-30"] == "2013-03-31T00:00:00+02:00"
    assert ends["2013-03-31"] == "2013-04-01T00:00:00+03:00"


def test_sensors_only_for_pollutants_with_a_value() -> None:
    sensors = rows(read(SAMPLE), "sensors")
    town_hall = {row["pollutant"] for row in sensors if row["station"] == "neou-dimarcheiou"}
    # Its SO2 and CO columns are empty, and its 2012 rows have no value at all.
    assert town_hall == {"pm10", "pm2.5", "no", "no2", "o3"}
    assert {row["pollutant_id"] for row in sensors if row["pollutant"] == "pm2.5"} == {"6001"}


def test_sheet_option_reads_one_station() -> None:
    data = read(SAMPLE, "Στ. ΛΑΓΚΑΔΑ")
    assert {row["station"] for row in rows(data, "observations")} == {"lagkada"}
    assert [row["station"] for row in rows(data, "stations")] == ["lagkada"]


def test_sheet_option_refuses_a_sheet_without_measurements() -> None:
    with pytest.raises(DataError, match="the sheet holds no measurements") as raised:
        read(SAMPLE, "Χαρακτηριστικά Σταθμών")
    assert raised.value.location is not None
    assert raised.value.location.sheet == "Χαρακτηριστικά Σταθμών"
    with pytest.raises(UsageError, match="no sheet 'Στ. ΚΑΛΑΜΑΡΙΑΣ'"):
        read(SAMPLE, "Στ. ΚΑΛΑΜΑΡΙΑΣ")


def test_personal_names_of_the_bibliographic_sheet_never_reach_the_output() -> None:
    lifted = lift(SAMPLE, get_mapping("air-quality-daily"), municipality="0701",
                  parameters={}, base_uri="http://127.0.0.1:8000/")  # fmt: skip
    assert "Παπαδοπούλου".encode() not in lifted.ntriples
    assert "Οικονόμου".encode() not in lifted.ntriples


# --- odd workbooks ---------------------------------------------------------------------------


def test_without_a_register_the_station_is_named_by_its_sheet(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet(["ΕΤΟΣ 2010", 1, day(2010, 1, 7), None, 123, 4.5]),
    })  # fmt: skip
    data = read(source)
    assert rows(data, "stations") == [
        {"station": "egnatias", "label": "Στ. ΕΓΝΑΤΙΑΣ", "since": "", "area": "",
         "classification": ""}
    ]  # fmt: skip
    assert rows(data, "geometries") == []
    assert [
        (row["pollutant"], row["value"], row["unit"]) for row in rows(data, "observations")
    ] == [
        ("pm10", "123", "MicroGM-PER-M3"),
        ("co", "4.5", "MilliGM-PER-M3"),
    ]


def test_year_marker_completes_day_month_dates_and_excel_serials(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet(
            ["ΕΤΟΣ 2011", 1, "30/12", None, 40, None],
            [None, 2, "31/12", None, 41, None],
            ["Έτος: 2012", 3, 40909, None, 42, None],  # 40909 is 1 January 2012
        ),
    })  # fmt: skip
    dates = [row["date"] for row in rows(read(source), "observations")]
    assert dates == ["2011-12-30", "2011-12-31", "2012-01-01"]


def test_a_date_outside_its_year_marker_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet(["ΕΤΟΣ 2010", 1, day(2011, 1, 7), None, 40, None]),
    })  # fmt: skip
    with pytest.raises(
        DataError, match="not in 2010, the year of the marker 'ΕΤΟΣ 2010'"
    ) as raised:
        read(source)
    assert str(raised.value.location).endswith("sheet 'Στ. ΕΓΝΑΤΙΑΣ', row 2, column 3")


def test_a_repeated_day_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet(
            [None, 1, day(2010, 1, 7), None, 40, None], [None, 2, day(2010, 1, 7), None, 41, None]
        ),
    })  # fmt: skip
    with pytest.raises(DataError, match="repeats date 2010-01-07") as raised:
        read(source)
    assert "row 3" in str(raised.value.location)


def test_a_negative_concentration_is_refused_with_its_column(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet([None, 1, day(2010, 1, 7), None, 40, -0.2]),
    })  # fmt: skip
    with pytest.raises(DataError, match="'-0.2' in column 'CO mg/m3' is negative") as raised:
        read(source)
    assert str(raised.value.location).endswith("row 2, column 6")


def test_a_measurement_before_the_station_opened_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Σταθμοί": REGISTER,
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet([None, 1, day(1988, 5, 1), None, 40, None]),
    })  # fmt: skip
    with pytest.raises(DataError, match="before 1989, when the station started operating"):
        read(source)


def test_a_station_sheet_must_match_one_register_station(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Σταθμοί": REGISTER,
        "Στ. ΚΑΛΑΜΑΡΙΑΣ": station_sheet([None, 1, day(2010, 1, 7), None, 40, None]),
    })  # fmt: skip
    with pytest.raises(DataError, match="no station of the sheet 'Σταθμοί'") as raised:
        read(source)
    assert raised.value.location is not None
    assert raised.value.location.sheet == "Στ. ΚΑΛΑΜΑΡΙΑΣ"


def test_an_unknown_characterisation_is_refused(tmp_path: Path) -> None:
    register = [REGISTER[0], [*REGISTER[1][:5], "Αστικός - Λιμάνι"]]
    source = workbook(tmp_path / "aq.xlsx", {
        "Σταθμοί": register,
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet([None, 1, day(2010, 1, 7), None, 40, None]),
    })  # fmt: skip
    with pytest.raises(DataError, match="is not a station characterisation") as raised:
        read(source)
    assert str(raised.value.location).endswith("sheet 'Σταθμοί', row 2, column 6")


def test_two_latitudes_are_refused(tmp_path: Path) -> None:
    register = [REGISTER[0], [*REGISTER[1][:4], "40ο 38' 15.62''Ν", REGISTER[1][5]]]
    source = workbook(tmp_path / "aq.xlsx", {
        "Σταθμοί": register,
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet([None, 1, day(2010, 1, 7), None, 40, None]),
    })  # fmt: skip
    with pytest.raises(DataError, match="need one latitude"):
        read(source)


def test_skip_invalid_rows_leaves_the_bad_day_out(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {
        "Στ. ΕΓΝΑΤΙΑΣ": station_sheet(
            [None, 1, day(2010, 1, 7), None, "12Ο", 1.2], [None, 2, day(2010, 1, 8), None, 40, 1.1]
        ),
    })  # fmt: skip
    rejects: list[Reject] = []
    observations = rows(read(source, rejects=rejects), "observations")
    assert {row["date"] for row in observations} == {"2010-01-08"}
    assert [str(reject.location).split(", ", 1)[1] for reject in rejects] == [
        "sheet 'Στ. ΕΓΝΑΤΙΑΣ', row 2, column 5"
    ]


def test_a_workbook_without_station_sheets_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "aq.xlsx", {"Σταθμοί": REGISTER})
    with pytest.raises(DataError, match="no sheet holds measurements"):
        read(source)


# --- the real workbook -----------------------------------------------------------------------


def test_real_thessaloniki_workbook(shared_data: Path) -> None:
    data = read(shared_data / REAL)
    stations = {row["station"]: row for row in rows(data, "stations")}
    assert sorted(stations) == ["25is-martiou", "egnatias", "eptapyrgiou", "lagkada",
                                "malakopis", "neou-dimarcheiou"]  # fmt: skip
    assert stations["eptapyrgiou"]["classification"] == "background"
    assert stations["neou-dimarcheiou"]["since"] == "2012"
    geometries = {row["station"]: row["wkt"] for row in rows(data, "geometries")}
    assert geometries["egnatias"] == "POINT(22.941300 40.637672)"
    observations = rows(data, "observations")
    assert len(observations) == 33_661
    by_key = {(row["station"], row["pollutant"], row["date"]): row for row in observations}
    # The values the environment fixture quotes: Egnatia, 7 January 2010.
    assert by_key["egnatias", "pm10", "2010-01-07"]["value"] == "123"
    assert by_key["egnatias", "co", "2010-01-07"]["value"] == "4.5"
    assert by_key["egnatias", "co", "2010-01-07"]["result_time"] == "2010-01-08T00:00:00+02:00"
    # Lagkada's CO analyser wrote «#» from 1 August 2010 to the end of the year.
    assert ("lagkada", "co", "2010-09-01") not in by_key
    assert ("lagkada", "co", "2011-01-01") in by_key
    # The new town hall station has values for 2013 only.
    assert {row["date"][:4] for row in observations if row["station"] == "neou-dimarcheiou"} == {
        "2013"
    }
