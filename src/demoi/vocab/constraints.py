"""Whether a changed SHACL parameter accepts less data than before (tightened), more (loosened),
or the same (only its documentation changed).

Each rule answers for one constraint parameter of one shape, comparing its values before and
after. Where two values cannot be compared (two regular expressions, two SPARQL queries, two
``sh:or`` lists) the change counts as tightened: a release must not promise compatibility it
cannot check.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from demoi.vocab.snapshot import SH, Value

TIGHTENED, LOOSENED, DOCUMENTATION = "tightened", "loosened", "changed"

#: Parameters that say nothing about which data conform.
_DOCUMENTATION = frozenset(
    SH + name for name in ("name", "description", "message", "order", "group", "defaultValue")
)
#: A larger value accepts less.
_LOWER_BOUNDS = frozenset(
    SH + name
    for name in ("minCount", "minLength", "minInclusive", "minExclusive", "qualifiedMinCount")
)
#: A smaller value accepts less.
_UPPER_BOUNDS = frozenset(
    SH + name
    for name in ("maxCount", "maxLength", "maxInclusive", "maxExclusive", "qualifiedMaxCount")
)
#: The values allowed: fewer accept less.
_ALLOWED = frozenset({SH + "in", SH + "languageIn", SH + "ignoredProperties"})
#: Each value is one more requirement (or one more target): more accept less.
_REQUIRED = frozenset(
    SH + name
    for name in (
        "hasValue",
        "property",
        "node",
        "sparql",
        "and",
        "datatype",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "target",
    )
)
#: Booleans where true accepts less; sh:deactivated is the other way round.
_STRICT_WHEN_TRUE = frozenset({SH + "closed", SH + "uniqueLang"})
_SEVERITY_RANK = {SH + "Info": 1, SH + "Warning": 2, SH + "Violation": 3}
#: The nodes each sh:nodeKind accepts: I(RI), B(lank node), L(iteral).
_NODE_KINDS = {
    SH + "IRI": "I",
    SH + "BlankNode": "B",
    SH + "Literal": "L",
    SH + "BlankNodeOrIRI": "BI",
    SH + "BlankNodeOrLiteral": "BL",
    SH + "IRIOrLiteral": "IL",
}


@dataclass(frozen=True)
class Verdict:
    direction: str  # TIGHTENED, LOOSENED or DOCUMENTATION
    #: Why, where old → new does not say it (a key of changes.NOTES).
    note: str | None = None


def verdict(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict:
    """How one parameter's change moves the set of conforming data.

    ``superclasses`` gives the (new) superclasses of a class, so that an ``sh:class`` moved up
    the hierarchy counts as loosened.
    """
    if not predicate.startswith(SH) or predicate in _DOCUMENTATION:
        return Verdict(DOCUMENTATION)
    if predicate == SH + "deactivated":
        return Verdict(TIGHTENED if _true(old) and not _true(new) else LOOSENED)
    if predicate == SH + "severity":  # before the removal rule: no sh:severity is sh:Violation
        return _severity(old, new)
    if not new:
        # A constraint dropped; a removed target or requirement applies to less data too.
        return Verdict(LOOSENED)
    for rule in _RULES:
        found = rule(predicate, old, new, superclasses)
        if found is not None:
            return found
    return Verdict(TIGHTENED, None if not old else "cannot-compare")


def _bounds(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict | None:
    if predicate not in _LOWER_BOUNDS | _UPPER_BOUNDS:
        return None
    if not old:
        return Verdict(TIGHTENED)
    numbers = [value.number() for value in (*old.values(), *new.values())]
    if len({type(number) for number in numbers}) > 1 or len(numbers) != 2:
        # A number against a date, or a parameter given twice: nothing sound to compare.
        return Verdict(TIGHTENED, "cannot-compare")
    before, after = numbers
    if before == after:  # the same bound written otherwise ("1" and "1.0")
        return Verdict(DOCUMENTATION)
    larger = after > before  # type: ignore[operator]
    return Verdict(TIGHTENED if larger == (predicate in _LOWER_BOUNDS) else LOOSENED)


def _allowed(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict | None:
    if predicate not in _ALLOWED:
        return None
    if predicate == SH + "ignoredProperties":  # more ignored properties accept more data
        return Verdict(TIGHTENED if old.keys() - new.keys() else LOOSENED)
    return Verdict(TIGHTENED if not old or old.keys() - new.keys() else LOOSENED)


def _required(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict | None:
    if predicate == SH + "class":
        return _class(old, new, superclasses)
    if predicate not in _REQUIRED:
        return None
    if new.keys() - old.keys():
        replaced = bool(old.keys() - new.keys()) and predicate == SH + "sparql"
        return Verdict(TIGHTENED, "cannot-compare" if replaced else None)
    return Verdict(LOOSENED)


def _class(
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict:
    """A value must be an instance of every sh:class: a class replaced by one of its
    superclasses accepts more."""
    for added in new.keys() - old.keys():
        if not any(added in superclasses(removed) for removed in old.keys() - new.keys()):
            return Verdict(TIGHTENED)
    return Verdict(LOOSENED)


def _flags(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict | None:
    if predicate in _STRICT_WHEN_TRUE:
        return Verdict(TIGHTENED if _true(new) and not _true(old) else LOOSENED)
    return None


def _true(values: dict[str, Value]) -> bool:
    return any(value.term.value == "true" for value in values.values())


def _severity(old: dict[str, Value], new: dict[str, Value]) -> Verdict:
    def rank(values: dict[str, Value]) -> int:
        # No sh:severity means sh:Violation (SHACL 2.1.5).
        return max((_SEVERITY_RANK.get(v.term.value, 3) for v in values.values()), default=3)

    if rank(new) == rank(old):  # sh:Violation written out or left to the default
        return Verdict(DOCUMENTATION)
    return Verdict(TIGHTENED if rank(new) > rank(old) else LOOSENED)


def _node_kind(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict | None:
    if predicate != SH + "nodeKind":
        return None
    if not old:
        return Verdict(TIGHTENED)

    def accepted(values: dict[str, Value]) -> set[str]:
        kinds = [set(_NODE_KINDS.get(v.term.value, "BIL")) for v in values.values()]
        return set.intersection(*kinds)

    return Verdict(LOOSENED if accepted(new) >= accepted(old) else TIGHTENED)


_RULES = (_bounds, _allowed, _required, _flags, _node_kind)
