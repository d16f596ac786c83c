"""Release versions MAJOR.MINOR.PATCH and the bump a set of changes calls for (SemVer 2.0.0)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from demoi.errors import UsageError

#: ASCII digits only (``\d`` would take "١٣" as 13), and at most 9 of them per part, so a
#: 5000-digit number is refused rather than converted; matched whole, so no final newline passes.
_VERSION = re.compile(r"(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})", re.ASCII)
_SHOWN = 40


class Level(enum.IntEnum):
    """How much a change matters to the people who publish or use data; the order is the bump's."""

    PATCH = 1
    MINOR = 2
    BREAKING = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        found = _VERSION.fullmatch(text)
        if found is None:
            # repr() shows a newline or a bidi control as an escape; a huge text is cut.
            shown = repr(text) if len(text) <= _SHOWN else repr(text[:_SHOWN]) + "…"
            raise UsageError(
                f"{shown} is not a version MAJOR.MINOR.PATCH (e.g. 0.2.0, each part at most 9"
                f" digits) / το {shown} δεν είναι έκδοση MAJOR.MINOR.PATCH (π.χ. 0.2.0)"
            )
        return cls(*(int(part) for part in found.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bumped(self, level: Level | None) -> Version:
        """The next version for changes of this level, or this version when nothing changed.

        While the major version is 0 anything may change (SemVer §4), yet a release still has to
        say whether it breaks: a breaking change bumps the minor version and any other change the
        patch, so 0.x releases keep the same two-tier signal that 1.x gives with major and minor.
        """
        if level is None:
            return self
        if self.major == 0:
            if level is Level.BREAKING:
                return Version(0, self.minor + 1, 0)
            return Version(0, self.minor, self.patch + 1)
        if level is Level.BREAKING:
            return Version(self.major + 1, 0, 0)
        if level is Level.MINOR:
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)


def allowed_level(previous: Version, version: Version) -> Level | None:
    """The highest level of change that ``version`` may release after ``previous``: a bump may
    be larger than the changes call for (1.0.0 after any 0.x, a major where a minor would do),
    never smaller. None when ``version`` is not a successor: not greater, or the parts after
    the one it increases not reset to 0 (SemVer §7, §8)."""
    if version <= previous:
        return None
    if version.major != previous.major:
        return Level.BREAKING if version.minor == version.patch == 0 else None
    if version.minor != previous.minor:
        if version.patch != 0:
            return None
        return Level.BREAKING if previous.major == 0 else Level.MINOR
    # While the major version is 0 the patch carries the compatible additions too (bumped()).
    return Level.MINOR if previous.major == 0 else Level.PATCH


def bump_between(previous: Version, version: Version) -> str:
    """major, minor, patch or none: which part ``version`` increases over ``previous``."""
    if version.major != previous.major:
        return "major"
    if version.minor != previous.minor:
        return "minor"
    return "patch" if version != previous else "none"


def bump_name(previous: Version, level: Level | None) -> str:
    """major, minor, patch or none: which part of ``previous`` the changes increase."""
    following = previous.bumped(level)
    if following == previous:
        return "none"
    if following.major != previous.major:
        return "major"
    return "minor" if following.minor != previous.minor else "patch"
