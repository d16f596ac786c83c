"""What the JSON time-series readers share: timestamps, durations and numbers as platforms write
them, and errors that name the line of the member at fault."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting.sources._timeseries import (
    duration,
    iri_segment,
    load_json,
    parse_number,
    parse_time,
    time_key,
    xsd_time,
)


@pytest.mark.parametrize(
    ("value", "local", "key"),
    [
        ("2024-02-01T00:00:00+02:00", "2024-02-01T00:00:00+02:00", "20240131T220000Z"),
        ("2024-05-06T07:15:00.000+00:00", "2024-05-06T10:15:00+03:00", "20240506T071500Z"),
        ("2024-05-06T07:02:11.412Z", "2024-05-06T10:02:11.412+03:00", "20240506T070211.412Z"),
        # Without an offset: Greek local time, winter and summer.
        ("2024-01-01 00:00:00", "2024-01-01T00:00:00+02:00", "20231231T220000Z"),
        ("2024-07-01T00:00", "2024-07-01T00:00:00+03:00", "20240630T210000Z"),
        ("01/02/2024 00:00", "2024-02-01T00:00:00+02:00", "20240131T220000Z"),
        # Unix time: milliseconds (ThingsBoard, QuantumLeap) and seconds.
        (1710194400000, "2024-03-12T00:00:00+02:00", "20240311T220000Z"),
        (1710194400, "2024-03-12T00:00:00+02:00", "20240311T220000Z"),
    ],
)
def test_timestamps(value: object, local: str, key: str) -> None:
    moment = parse_time(value)
    assert (xsd_time(moment), time_key(moment)) == (local, key)


@pytest.mark.parametrize("value", ["1/2/2024 25:00", "yesterday", "", True, 1.5, None])
def test_not_timestamps(value: object) -> None:
    with pytest.raises(ValueError, match="a date and time such as"):
        parse_time(value)


def test_the_two_instants_of_the_autumn_hour_get_two_keys() -> None:
    first = parse_time("2024-10-27T03:30:00+03:00")
    second = parse_time("2024-10-27T03:30:00+02:00")
    assert xsd_time(first) != xsd_time(second)
    assert time_key(first) != time_key(second)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-01-01T00:00:00+02:00", "2024-02-01T00:00:00+02:00", "P1M"),
        ("2024-03-01T00:00:00+02:00", "2024-04-01T00:00:00+03:00", "P1M"),  # across DST
        ("2024-01-31T00:00:00+02:00", "2024-03-31T00:00:00+02:00", "P2M"),
        ("2024-03-31T00:00:00+02:00", "2024-04-01T00:00:00+03:00", "P1D"),  # a 23-hour day
        ("2024-03-11T00:00:00+02:00", "2024-03-13T00:00:00+02:00", "P2D"),
        ("2024-05-06T10:00:00+03:00", "2024-05-06T10:15:00+03:00", "PT15M"),
        ("2024-05-06T10:00:00+03:00", "2024-05-06T11:30:30+03:00", "PT1H30M30S"),
    ],
)
def test_durations(start: str, end: str, expected: str) -> None:
    assert duration(parse_time(start), parse_time(end)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1254380.5"), "1254380.5"),
        (42, "42"),
        ("1254380.5", "1254380.5"),
        ("1.254.380,5", "1254380.5"),
        ("350,5", "350.5"),
        (" 17 ", "17"),
    ],
)
def test_numbers(value: object, expected: str) -> None:
    assert parse_number(value) == Decimal(expected)


@pytest.mark.parametrize("value", ["1,2,3", "12a", "", True, None, [1]])
def test_not_numbers(value: object) -> None:
    with pytest.raises(ValueError, match="a number such as"):
        parse_number(value)


@pytest.mark.parametrize(
    ("identifier", "segment"),
    [("ΥΜ-DMA-07", "YM-DMA-07"), ("ΥΜ-ΠΑΡ-02", "YM-PAP-02"), ("ΗΜ/0042 A", "HM-0042-A")],
)
def test_iri_segments(identifier: str, segment: str) -> None:
    assert iri_segment(identifier) == segment


def test_json_numbers_are_exact_and_members_have_lines(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text(
        '{"a": [\n  {"t": 1,\n   "v": 0.1},\n  {"t": 2, "v": "x, \\"y\\"]"},\n  {"t": 3}\n]}\n',
        encoding="utf-8",
    )
    document = load_json(source)
    items = document.data["a"]
    assert items[0]["v"] == Decimal("0.1")
    assert document.line(items[0], "v") == 3
    assert document.line(items, 2) == 5  # a string holding , " and ] does not confuse it
    assert str(document.where(items[1], "a[1].v")) == f"{source}, line 4, field a[1].v"


def test_json_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text('{"meters": [\n  {"meter_id": "Α1",}\n]}\n', encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON") as raised:
        load_json(source)
    assert str(raised.value.location) == f"{source}, line 2, column 21"


def test_greek_code_page_and_bom_are_read(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_bytes('{"ζώνη": "Ανάληψη"}'.encode("cp1253"))
    assert load_json(source).data == {"ζώνη": "Ανάληψη"}
    source.write_bytes(b"\xef\xbb\xbf" + b'{"a": 1}')
    assert load_json(source).data == {"a": 1}


def test_unix_seconds_are_utc() -> None:
    assert parse_time(0) == datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
