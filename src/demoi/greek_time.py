"""Greek local time (Europe/Athens: UTC+2, UTC+3 in summer time), which is what municipal
systems write when a time has no UTC offset.

The rules come from the IANA time-zone database through :mod:`zoneinfo`: the system's copy, or
the ``tzdata`` package where the system has none (Windows); ``tzdata`` is installed with demoi's
dependencies (pandas, through morph-kgc, requires it).

A local time that the clocks skip (03:00-04:00 on the last Sunday of March) or show twice
(03:00-04:00 on the last Sunday of October) is read as PEP 495 reads it with ``fold=0``: by the
offset in force before the change (a repeated hour is read as summer time).
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

ATHENS = ZoneInfo("Europe/Athens")

#: ``31/12/2024``, ``31.12.2024 14:05``, ``31-12-2024 14:05:30``: day first, as Greek exports
#: write dates.
DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)


def in_greek_time(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` with its own offset, or as Greek local time when it has none."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ATHENS)


def parse_moment(text: str, *, time_required: bool = False) -> datetime.datetime:
    """A date and time written day first (``31/12/2024 14:05``) or in ISO 8601 (with ``Z`` or an
    offset, or none), as an aware datetime: one without an offset is Greek local time. A date
    alone is its midnight, unless ``time_required`` refuses a day-first one. ValueError if the
    text is neither."""
    value = text.strip()
    day_first = DAY_FIRST.match(value)
    if day_first and time_required and day_first[4] is None:
        raise ValueError("no time of day")
    if day_first:
        day, month, year, hour, minute, second = (int(part or 0) for part in day_first.groups())
        moment = datetime.datetime(year, month, day, hour, minute, second)
    else:
        moment = datetime.datetime.fromisoformat(value)
    return in_greek_time(moment)


def utc_offset(day: datetime.date, time_of_day: datetime.time) -> str:
    """The UTC offset of Greek local time at that moment: ``+02:00``, or ``+03:00`` in summer
    time."""
    moment = datetime.datetime.combine(day, time_of_day, tzinfo=ATHENS)
    return moment.isoformat()[-6:]


def midnight(day: datetime.date) -> str:
    """The start of ``day`` in Greek local time as an xsd:dateTime with its offset:
    ``2024-08-01T00:00:00+03:00``."""
    return datetime.datetime(day.year, day.month, day.day, tzinfo=ATHENS).isoformat()


def greek_date(moment: datetime.datetime) -> datetime.date:
    """The day it is in Greece at the instant ``moment`` (an aware datetime)."""
    return moment.astimezone(ATHENS).date()
