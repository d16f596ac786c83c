"""Content negotiation: one pure function (RFC 9110 §12.5.1), tested by tests/test_conneg.py.

Written here rather than taken from werkzeug's ``MIMEAccept.best_match`` because the rules must
be exact and visible: the most specific media range that matches an offered type gives its
quality (so ``*/*;q=1, text/csv;q=0`` excludes CSV), ``q=0`` means "not acceptable", equal
qualities keep the server's order of preference, and a missing or empty header means the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from demoi.errors import DemoiError, UsageError


class NotAcceptable(DemoiError):
    code = "not-acceptable"

    def __init__(self, offered: Sequence[str], reason: str | None = None):
        self.offered = list(offered)
        super().__init__(
            (reason or "none of the media types in the Accept header can be produced")
            + "; offered: "
            + ", ".join(self.offered),
            spec="https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1",
        )


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    quality: float

    def specificity(self, media_type: str) -> int:
        """How closely this range matches ``media_type``:
        2 exact, 1 ``type/*``, 0 ``*/*``, -1 not at all."""
        offered_type, _, offered_subtype = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != offered_type:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == offered_subtype else -1


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed entries are skipped, not fatal."""
    ranges = []
    for entry in header.split(","):
        media, *parameters = (part.strip() for part in entry.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub or (main == "*" and sub != "*"):
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0  # an unreadable weight is safer read as "not this"
        ranges.append(MediaRange(main, sub, quality))
    return ranges


def quality_of(media_type: str, ranges: Sequence[MediaRange]) -> float:
    best_specificity, quality = -1, 0.0
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if specificity > best_specificity:
            best_specificity, quality = specificity, media_range.quality
    return quality


T = TypeVar("T")


def negotiate(accept: str | None, offered: Sequence[tuple[str, T]]) -> T:
    """Choose among ``offered`` (media type, value) pairs, the server's preference first.

    Several media types may lead to the same value (aliases such as ``application/json``).
    Raises NotAcceptable when the header excludes every offered type.
    """
    if not offered:
        raise ValueError("nothing offered")
    if accept is None or not accept.strip():
        return offered[0][1]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0][1]
    best_value, best_quality = None, 0.0
    for media_type, value in offered:
        quality = quality_of(media_type.lower(), ranges)
        if quality > best_quality:
            best_value, best_quality = value, quality
    if best_value is None:
        raise NotAcceptable(list(dict.fromkeys(media_type for media_type, _ in offered)))
    return best_value


def requested_format(
    requested: str | None, accept: str | None, offered: Sequence[tuple[str, str]]
) -> str:
    """The format a page answers in: ``?format=NAME`` when given (one of the offered names),
    otherwise the name negotiated from the Accept header. An unknown name is the client's
    mistake (a UsageError, 400), not a 406: nothing was negotiated."""
    names = [name for _, name in offered]
    if requested:
        if requested not in names:
            raise UsageError(f"unknown format {requested!r}; the formats are {', '.join(names)}")
        return requested
    return negotiate(accept, offered)
