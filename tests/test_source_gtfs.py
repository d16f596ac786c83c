"""The GTFS reader: the zip's stops.txt, routes.txt, trips.txt and stop_times.txt as tables of
stops, routes and the stops of each route; errors name the file in the zip, line and column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting.mappings import get_mapping
from demoi.lifting.sources import ReadOptions, SourceData
from demoi.lifting.sources.gtfs import read

STOPS = (
    "stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding\n"
    "101,101,Πλατεία 23ης Μαρτίου,37.0414,22.1146,0,,1\n"
    "ST,,Σταθμός ΚΤΕΛ,37.0476,22.1048,1,,1\n"
    "201,201,Σταθμός ΚΤΕΛ (αποβάθρα 3),37.0474,22.1050,0,ST,0\n"
    '202,,Νοσοκομείο,"37,0548","22,1191",,,\n'
)
ROUTES = (
    "route_id,route_short_name,route_long_name,route_type,route_color\n"
    "1,1,Κέντρο – Παραλία,3,#0066cc\n"
    "2,2Α,ΚΤΕΛ – Νοσοκομείο,704,\n"
)
TRIPS = "route_id,service_id,trip_id\n1,WD,t1\n2,WD,t2\n"
STOP_TIMES = (
    "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
    "t1,07:00:00,07:00:00,101,1\nt1,07:05:00,07:05:00,202,2\n"
    "t2,07:10:00,07:10:00,201,1\nt2,07:15:00,07:15:00,101,2\nt2,24:05:00,24:05:00,101,3\n"
)
FEED = {"stops.txt": STOPS, "routes.txt": ROUTES, "trips.txt": TRIPS, "stop_times.txt": STOP_TIMES}


def feed(tmp_path: Path, files: dict[str, str | bytes], folder: str = "") -> Path:
    path = tmp_path / "feed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            archive.writestr(folder + name, data)
    return path


def read_feed(tmp_path: Path, files: dict[str, str | bytes], folder: str = "") -> SourceData:
    return read(feed(tmp_path, files, folder), get_mapping("gtfs-stops-routes"), ReadOptions())


def rows(data: SourceData, table: str) -> list[list[str]]:
    return data.tables[table].rows


def test_stops_routes_and_their_stops(tmp_path: Path) -> None:
    data = read_feed(tmp_path, dict(FEED))
    assert rows(data, "stops") == [
        ["101", "101", "Πλατεία 23ης Μαρτίου", "POINT(22.1146 37.0414)", "WheelchairAccessible"],
        ["201", "201", "Σταθμός ΚΤΕΛ (αποβάθρα 3)", "POINT(22.1050 37.0474)", "CheckParentStation"],
        ["202", "", "Νοσοκομείο", "POINT(22.1191 37.0548)", ""],
    ]
    assert rows(data, "routes") == [
        ["1", "1", "Κέντρο – Παραλία", "Bus", "0066CC", ""],
        ["2", "2Α", "ΚΤΕΛ – Νοσοκομείο", "Bus", "", ""],
    ]
    assert rows(data, "route_stops") == [["1", "101"], ["1", "202"], ["2", "201"], ["2", "101"]]


def test_files_in_a_folder_with_bom_crlf_and_greek_code_page(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "stops.txt": "\ufeff" + STOPS.replace("\n", "\r\n"),
        "routes.txt": ROUTES.encode("cp1253"),
    }
    data = read_feed(tmp_path, files, folder="kalamata-gtfs/")
    assert rows(data, "routes")[1][2] == "ΚΤΕΛ – Νοσοκομείο"
    assert rows(data, "route_stops") == []  # no timetable: no stops of routes


def error_of(tmp_path: Path, **replaced: str) -> DataError:
    with pytest.raises(DataError) as raised:
        read_feed(tmp_path, {**FEED, **replaced})
    return raised.value


def test_missing_stops_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="the feed has no stops.txt; the zip holds: routes.txt"):
        read_feed(tmp_path, {"routes.txt": ROUTES})


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "stops.txt"
    path.write_text(STOPS, encoding="utf-8")
    with pytest.raises(DataError, match="not a zip file"):
        read(path, get_mapping("gtfs-stops-routes"), ReadOptions())


def test_trips_without_stop_times(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="one of trips.txt and stop_times.txt without the other"):
        read_feed(tmp_path, {"stops.txt": STOPS, "routes.txt": ROUTES, "trips.txt": TRIPS})


def test_a_stop_twice(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"stops.txt": STOPS + "101,101,Άλλη,37.04,22.11,0,,1\n"})
    assert error.message == "stop_id 101 repeats line 2; each must appear once"
    assert str(error.location).endswith("feed.zip/stops.txt, line 6, column 1")


def test_coordinates_outside_greece(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"stops.txt": STOPS.replace("37.0414,22.1146", "0,0")})
    assert "stop 101: stop_lat 0 and stop_lon 0 are not in Greece" in error.message


def test_not_a_coordinate(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"stops.txt": STOPS.replace("37.0414", "37°02'")})
    assert "\"37°02'\" in column 'stop_lat' is not a coordinate in decimal degrees" in (
        error.message
    )
    assert str(error.location).endswith("stops.txt, line 2, column 4")


def test_unknown_wheelchair_value(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"stops.txt": STOPS.replace(",0,,1\n", ",0,,ΝΑΙ\n", 1)})
    assert "'ΝΑΙ' in column 'wheelchair_boarding' is not a whole number" in error.message


def test_trolleybus_has_no_linked_gtfs_type(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"routes.txt": ROUTES.replace(",3,", ",11,")})
    assert "route_type 11 has no Linked GTFS route type" in error.message
    assert str(error.location).endswith("routes.txt, line 2, column 4")


def test_bad_colour(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"routes.txt": ROUTES.replace("#0066cc", "μπλε")})
    assert "'ΜΠΛΕ' in column 'route_color' is not a colour" in error.message


def test_stop_time_of_an_unknown_stop(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"stop_times.txt": STOP_TIMES + "t1,07:09:00,07:09:00,999,3\n"})
    assert error.message == "stop_id 999 is not in stops.txt"
    assert str(error.location).endswith("stop_times.txt, line 7, column 4")


def test_trip_of_an_unknown_route(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"trips.txt": TRIPS + "9,WD,t9\n"})
    assert error.message == "route_id 9 is not in routes.txt"
