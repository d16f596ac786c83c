"""Normalising the values municipal exports hold into the canonical forms mappings expect.

Each converter takes the text of one cell and returns its canonical text, or raises
``ValueError`` with what was expected; the reader adds the file, sheet, row and column.
Column types (``type =`` in a mapping descriptor):

=============  ==========================================  ==============================
type           accepts                                     gives
=============  ==========================================  ==============================
text           anything (whitespace collapsed)             the text
decimal        Greek numbers ``8.920.667,36``, ``350,5``   ``8920667.36``
number         decimal-point numbers ``380.5``, ``-1e3``   ``380.5`` (JSON, GTFS, sensors)
integer        ``12.345``, ``12345``                       ``12345``
date           ``31/12/2024``, ``31-12-2024``, ISO dates   ``2024-12-31``
datetime       ``31/12/2024 14:05``, ISO with offset       ``2024-12-31T14:05:00+02:00``
code           codes with Greek look-alike letters         Latin capitals (``6011.01.01``, ``EL30``)
greek-code     codes with Latin look-alike letters (ΑΔΑ)   Greek capitals (``ΨΚΛ2ΩΞΑ-Ι3Σ``)
dms            ``40ο 38' 15.62''Ν``, ``22° 56' 41'' E``    decimal degrees ``40.637672``
=============  ==========================================  ==============================
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from demoi.greek_time import parse_moment

GREEK_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
INTEGER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)$")
DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
# Degrees, minutes, seconds, hemisphere: Greek exports write the degree sign as «ο» or «°», the
# seconds as '' or ", and the hemisphere in Greek (Β, Ν, Α, Δ) or Latin (N, S, E, W) letters.
DMS = re.compile(
    r"^\s*(\d{1,3})\s*[°οº˚o]\s*(\d{1,2})\s*['’′]\s*(\d{1,2}(?:[.,]\d+)?)\s*(?:''|\"|″|’’)?\s*"
    r"([NSEWΒΝΑΔΕ])\s*$",
    re.IGNORECASE,
)
# Greek hemisphere letters: Β(όρειο) north, Α(νατολικό) east, Δ(υτικό) west, and the Greek
# capitals that look like N and E. «Ν» is ambiguous (Greek Νότιο is south), but Greek exports
# use it as the Latin-looking N: Greece lies north of the equator, so it is read as north.
HEMISPHERE_SIGN = {"N": 1, "S": -1, "E": 1, "W": -1, "Β": 1, "Ν": 1, "Α": 1, "Δ": -1, "Ε": 1}

# Letters that look the same in the Greek and the Latin alphabet (capitals).
_GREEK = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
_LATIN = "ABEZHIKMNOPTYX"
TO_LATIN = str.maketrans(_GREEK, _LATIN)
TO_GREEK = str.maketrans(_LATIN, _GREEK)


def text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def decimal(value: str) -> str:
    if not GREEK_NUMBER.match(value):
        raise ValueError("a number in Greek format such as 8.920.667,36 or 350,5")
    return str(Decimal(value.replace(".", "").replace(",", ".")))


def integer(value: str) -> str:
    if not INTEGER.match(value):
        raise ValueError("a whole number such as 12.345 or 12345")
    return str(int(value.replace(".", "")))


def date(value: str) -> str:
    day_first = DAY_FIRST.match(value)
    iso = ISO_DATE.match(value)
    try:
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            return datetime.date(year, month, day).isoformat()
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            return datetime.date(year, month, day).isoformat()
    except ValueError:
        pass
    raise ValueError("a date such as 31/12/2024 (day/month/year) or 2024-12-31")


def number(value: str) -> str:
    try:
        parsed = Decimal(value.strip())
    except InvalidOperation:
        parsed = Decimal("NaN")
    if not parsed.is_finite():
        raise ValueError("a number with a decimal point such as 380.5")
    return str(parsed.normalize()) if "e" in value.lower() else str(parsed)


def datetime_(value: str) -> str:
    """A moment with its UTC offset; one without an offset is Greek local time (Europe/Athens),
    which is what municipal systems write."""
    try:
        return parse_moment(value, time_required=True).isoformat()
    except ValueError:
        raise ValueError(
            "a date and time such as 31/12/2024 14:05 or 2024-12-31T14:05:00+02:00"
        ) from None


def code(value: str) -> str:
    return text(value).upper().translate(TO_LATIN)


def greek_code(value: str) -> str:
    return text(value).upper().translate(TO_GREEK)


def dms(value: str) -> str:
    match = DMS.match(unicodedata.normalize("NFC", value))
    if not match:
        raise ValueError("degrees, minutes and seconds such as 40ο 38' 15.62''Ν")
    degrees, minutes, seconds, hemisphere = match.groups()
    try:
        decimal_seconds = Decimal(seconds.replace(",", "."))
    except InvalidOperation:
        raise ValueError("seconds as a number such as 15.62") from None
    if int(minutes) >= 60 or decimal_seconds >= 60:
        raise ValueError("minutes and seconds below 60")
    degrees_value = int(degrees) + Decimal(minutes) / 60 + decimal_seconds / 3600
    sign = HEMISPHERE_SIGN[hemisphere.upper()]
    return str(round(sign * degrees_value, 6))


CONVERTERS: dict[str, Callable[[str], str]] = {
    "text": text,
    "decimal": decimal,
    "integer": integer,
    "date": date,
    "number": number,
    "datetime": datetime_,
    "code": code,
    "greek-code": greek_code,
    "dms": dms,
}
