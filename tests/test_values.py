"""Value normalisation: an edge-case table per column type (demoi.lifting.values)."""

from __future__ import annotations

import pytest

from demoi.lifting.values import CONVERTERS

GOOD = [
    ("decimal", "8.920.667,36", "8920667.36"),
    ("decimal", "-350,5", "-350.5"),
    ("decimal", "0", "0"),
    ("integer", "12.345", "12345"),
    ("integer", "7", "7"),
    ("date", "31/12/2024", "2024-12-31"),
    ("date", "7/1/2010", "2010-01-07"),
    ("date", "31-12-2024", "2024-12-31"),
    ("date", "2024-12-31", "2024-12-31"),
    ("code", " 6011.01.01 ", "6011.01.01"),
    ("code", "ΕL30", "EL30"),  # Greek capital Epsilon
    ("greek-code", "PKΛ2ΩΞA-I3Σ", "ΡΚΛ2ΩΞΑ-Ι3Σ"),  # Latin P, A, I
    ("dms", "40ο 38' 15.62''Ν", "40.637672"),
    ("dms", "22° 56' 41'' E", "22.944722"),
    ("dms", "22ο 56' 41''Ε", "22.944722"),  # Greek ο and Ε
    ("text", "  Δήμος   Καλαμάτας ", "Δήμος Καλαμάτας"),
    ("number", "380.500", "380.500"),
    ("number", "-12", "-12"),
    ("datetime", "31/12/2024 14:05", "2024-12-31T14:05:00+02:00"),
    ("datetime", "2024-07-01T09:00:00", "2024-07-01T09:00:00+03:00"),  # summer time
    ("datetime", "2024-07-01T06:00:00Z", "2024-07-01T06:00:00+00:00"),
]
BAD = [
    ("decimal", "1.2.3"),
    ("decimal", "8,920,667.36"),
    ("integer", "12,5"),
    ("date", "31/02/2024"),
    ("date", "2024/12/31"),
    ("dms", "40.6376"),
    ("dms", "40ο 61' 00''Ν"),
    ("number", "380,5"),
    ("number", "nan"),
    ("datetime", "31/12/2024"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), GOOD)
def test_converts(kind: str, value: str, expected: str) -> None:
    assert CONVERTERS[kind](value) == expected


@pytest.mark.parametrize(("kind", "value"), BAD)
def test_refuses_with_what_was_expected(kind: str, value: str) -> None:
    with pytest.raises(ValueError, match=r"\w+ \w+"):
        CONVERTERS[kind](value)
