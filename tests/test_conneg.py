"""Content negotiation edge cases, in the spirit of Oxigraph's server tests."""

from __future__ import annotations

import pytest

from demoi.conneg import NotAcceptable, negotiate, parse_accept

OFFERED = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]

CASES = [
    # (Accept header, expected choice)
    (None, "json"),
    ("", "json"),
    ("   ", "json"),
    ("*/*", "json"),
    ("text/csv", "csv"),
    ("TEXT/CSV", "csv"),
    ("text/csv; charset=utf-8", "csv"),
    ("text/*", "csv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv;q=0.5, application/sparql-results+xml", "xml"),
    ("text/csv;q=0.9, text/tab-separated-values;q=0.95", "tsv"),
    ("*/*;q=0.1, text/tab-separated-values", "tsv"),
    ("*/*, application/sparql-results+json;q=0, application/json;q=0", "xml"),
    ("text/*;q=0, */*", "json"),
    ("text/html, */*;q=0.8", "json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
    ("application/sparql-results+json;q=0.5, text/csv;q=0.5", "json"),
    ("text/csv;q=bogus, application/xml", "xml"),
    ("garbage, text/csv", "csv"),
    ("*/csv", "json"),  # malformed range: ignored, and nothing else asked for -> default
    ("text/csv;q=2", "csv"),
]


@pytest.mark.parametrize(("accept", "expected"), CASES)
def test_negotiate(accept: str | None, expected: str) -> None:
    assert negotiate(accept, OFFERED) == expected


@pytest.mark.parametrize(
    "accept",
    [
        "text/html",
        "image/png, text/plain",
        "text/csv;q=0",
        "*/*;q=0",
        "text/*;q=0, application/*;q=0",
    ],
)
def test_nothing_acceptable_lists_what_is_offered(accept: str) -> None:
    with pytest.raises(NotAcceptable) as raised:
        negotiate(accept, OFFERED)
    assert "text/csv" in str(raised.value)
    assert raised.value.offered.count("application/json") == 1


def test_most_specific_range_gives_the_quality() -> None:
    ranges = parse_accept("*/*;q=1, text/*;q=0.2, text/csv;q=0")
    from demoi.conneg import quality_of

    assert quality_of("text/csv", ranges) == 0
    assert quality_of("text/tab-separated-values", ranges) == 0.2
    assert quality_of("application/json", ranges) == 1


def test_nothing_offered_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        negotiate("*/*", [])


@pytest.mark.parametrize(
    ("requested", "accept", "chosen"),
    [
        (None, None, "json"),
        ("", "text/csv", "csv"),
        ("csv", "application/json", "csv"),  # ?format= wins over Accept
        ("csv", "image/png", "csv"),  # ... even over an Accept nothing satisfies
        (None, "text/csv;q=0.5, application/json;q=0.9", "json"),
    ],
)
def test_a_page_format_is_the_parameter_else_the_negotiated_one(
    requested: str | None, accept: str | None, chosen: str
) -> None:
    from demoi.conneg import requested_format

    offered = [("application/json", "json"), ("text/csv", "csv")]
    assert requested_format(requested, accept, offered) == chosen


def test_an_unknown_format_parameter_is_a_usage_error_naming_the_formats() -> None:
    from demoi.conneg import requested_format
    from demoi.errors import UsageError

    with pytest.raises(UsageError, match="'xls'; the formats are json, csv"):
        requested_format("xls", None, [("application/json", "json"), ("text/csv", "csv")])
    with pytest.raises(NotAcceptable):
        requested_format(None, "image/png", [("application/json", "json")])
