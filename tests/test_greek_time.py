"""Greek local time (demoi.greek_time): the offsets of Europe/Athens, from the time-zone
database, around both changes of the clocks."""

from __future__ import annotations

import datetime

import pytest

from demoi.greek_time import greek_date, midnight, parse_moment, utc_offset


@pytest.mark.parametrize(
    ("day", "time", "offset"),
    [
        (datetime.date(2024, 3, 16), "12:00:00", "+02:00"),
        (datetime.date(2024, 3, 31), "02:59:00", "+02:00"),  # before the change to summer time
        (datetime.date(2024, 3, 31), "04:00:00", "+03:00"),
        (datetime.date(2024, 7, 12), "21:30:00", "+03:00"),
        (datetime.date(2024, 10, 27), "03:30:00", "+03:00"),  # the repeated hour: summer time
        (datetime.date(2024, 10, 27), "04:00:00", "+02:00"),  # after the change back
        (datetime.date(2025, 3, 30), "12:00:00", "+03:00"),
    ],
)
def test_greek_summer_time(day: datetime.date, time: str, offset: str) -> None:
    assert utc_offset(day, datetime.time.fromisoformat(time)) == offset


def test_midnight_carries_the_offset_of_its_day() -> None:
    assert midnight(datetime.date(2024, 1, 8)) == "2024-01-08T00:00:00+02:00"
    assert midnight(datetime.date(2024, 8, 1)) == "2024-08-01T00:00:00+03:00"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("31/12/2024 14:05", "2024-12-31T14:05:00+02:00"),
        ("01.07.2024 09:00:30", "2024-07-01T09:00:30+03:00"),
        ("1/2/2024", "2024-02-01T00:00:00+02:00"),
        ("2024-07-01T09:00:00", "2024-07-01T09:00:00+03:00"),
        ("2024-07-01T06:00:00Z", "2024-07-01T06:00:00+00:00"),
        ("2024-07-01T06:00:00+01:00", "2024-07-01T06:00:00+01:00"),
    ],
)
def test_a_moment_without_an_offset_is_greek_local_time(written: str, expected: str) -> None:
    assert parse_moment(written).isoformat() == expected


def test_a_day_alone_is_refused_where_a_time_is_required() -> None:
    with pytest.raises(ValueError):
        parse_moment("31/12/2024", time_required=True)
    with pytest.raises(ValueError):
        parse_moment("31/13/2024 10:00")


def test_the_greek_date_of_an_instant_late_in_the_utc_day() -> None:
    instant = datetime.datetime(2024, 6, 30, 22, 30, tzinfo=datetime.UTC)
    assert greek_date(instant) == datetime.date(2024, 7, 1)
    winter = datetime.datetime(2024, 12, 31, 21, 59, tzinfo=datetime.UTC)
    assert greek_date(winter) == datetime.date(2024, 12, 31)
