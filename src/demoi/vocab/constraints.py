"""Whether a changed SHACL parameter accepts less data than before (tightened), more (loosened),
or the same (only its documentation changed).

Each rule answers for one constraint parameter of one shape, comparing its values before and
after. Where two values cannot be compared (two regular expressions, two SPARQL queries, two
``sh:or`` lists) the change counts as tightened: a release must not promise compatibility it
cannot check.

An inline property shape (a blank node value of ``sh:property``) is compared with the one of the
same ``sh:path`` on the other side, parameter by parameter, as a named shape is.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from demoi.vocab.snapshot import SH, Node, Value

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
#: How deep inline shapes are compared; deeper (or in a cycle) cannot be compared.
_MAX_NESTING = 12
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


Parameters = Callable[[Node], dict[str, dict[str, Value]]]


@dataclass(frozen=True)
class Sides:
    """What a rule may look up beyond the parameter's values."""

    #: The (new) superclasses of a class: an ``sh:class`` moved up the hierarchy, or an
    #: ``sh:targetClass`` moved down, counts as loosened.
    superclasses: Callable[[str], Collection[str]]
    #: The parameters of a blank node (an inline shape) on the old and on the new side.
    old_parameters: Parameters
    new_parameters: Parameters
    depth: int = 0
    #: Inline shape pairs compared already: shapes sharing blank nodes would else be compared
    #: once per path through them (k^depth), as snapshot.Snapshot.text avoids too.
    compared: dict[tuple[str, str], Verdict] = field(default_factory=dict)


def verdict(predicate: str, old: dict[str, Value], new: dict[str, Value], sides: Sides) -> Verdict:
    """How one parameter's change moves the set of conforming data."""
    if not predicate.startswith(SH) or predicate in _DOCUMENTATION:
        return Verdict(DOCUMENTATION)
    if predicate == SH + "deactivated":
        return Verdict(TIGHTENED if _true(old) and not _true(new) else LOOSENED)
    if predicate == SH + "severity":  # before the removal rule: no sh:severity is sh:Violation
        return _severity(old, new)
    if predicate == SH + "ignoredProperties":  # before the removal rule: fewer accept less
        return Verdict(TIGHTENED if old.keys() - new.keys() else LOOSENED)
    if predicate == SH + "flags":
        # A flag added ("i") or dropped changes what the pattern matches either way, and which
        # way depends on the pattern: removed flags tighten as often as added ones.
        return Verdict(TIGHTENED, "cannot-compare")
    if not new:
        # A constraint dropped; a removed target or requirement applies to less data too.
        return Verdict(LOOSENED)
    for rule in _RULES:
        found = rule(predicate, old, new, sides)
        if found is not None:
            return found
    return Verdict(TIGHTENED, None if not old else "cannot-compare")


def _bounds(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    sides: Sides,
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
    sides: Sides,
) -> Verdict | None:
    if predicate not in _ALLOWED:
        return None
    return Verdict(TIGHTENED if not old or old.keys() - new.keys() else LOOSENED)


def _required(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    sides: Sides,
) -> Verdict | None:
    if predicate == SH + "class":
        return _class(old, new, sides.superclasses)
    if predicate == SH + "targetClass":
        return _target_class(old, new, sides.superclasses)
    if predicate == SH + "property":
        return _property_shapes(old, new, sides)
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


def _target_class(
    old: dict[str, Value],
    new: dict[str, Value],
    superclasses: Callable[[str], Collection[str]],
) -> Verdict:
    """A shape targets every instance of its sh:targetClass and of its subclasses: a target
    replaced by one of its subclasses applies to less data."""
    removed = old.keys() - new.keys()
    for added in new.keys() - old.keys():
        if not removed & set(superclasses(added)):
            return Verdict(TIGHTENED)
    return Verdict(LOOSENED)


def _property_shapes(old: dict[str, Value], new: dict[str, Value], sides: Sides) -> Verdict:
    """A new property shape is one more requirement, a removed one one less; an inline one whose
    parameters changed reads as one removed and one added, so it is paired with the removed one
    of the same sh:path and compared parameter by parameter."""
    gone = [value for key, value in old.items() if key not in new]
    found = []
    for value in (value for key, value in new.items() if key not in old):
        partner = _partner(value, gone, new.values(), sides)
        if partner is None:
            found.append(Verdict(TIGHTENED))
            continue
        gone.remove(partner)
        found.append(_inline_shapes(partner, value, sides))
    found += [Verdict(LOOSENED) for _ in gone]
    return _combined(found)


def _partner(value: Value, gone: list[Value], new: Iterable[Value], sides: Sides) -> Value | None:
    """The removed inline shape with the same path as ``value``, when each side has one only."""
    path = _path(value.term, sides.new_parameters)
    if path is None or sum(_path(v.term, sides.new_parameters) == path for v in new) != 1:
        return None
    same = [v for v in gone if _path(v.term, sides.old_parameters) == path]
    return same[0] if len(same) == 1 else None


def _path(node: Node, parameters: Parameters) -> frozenset[str] | None:
    if not isinstance(node, ox.BlankNode):
        return None  # a named shape is compared under its own IRI
    return frozenset(parameters(node).get(SH + "path", {})) or None


def _inline_shapes(old: Value, new: Value, sides: Sides) -> Verdict:
    pair = (old.term.value, new.term.value)
    if pair not in sides.compared:
        sides.compared[pair] = _compared(old, new, sides)
    return sides.compared[pair]


def _compared(old: Value, new: Value, sides: Sides) -> Verdict:
    if sides.depth >= _MAX_NESTING:  # a cycle of blank nodes, or shapes nested absurdly deep
        return Verdict(TIGHTENED, "cannot-compare")
    before, after = sides.old_parameters(old.term), sides.new_parameters(new.term)
    deeper = replace(sides, depth=sides.depth + 1)
    return _combined(
        verdict(predicate, before.get(predicate, {}), after.get(predicate, {}), deeper)
        for predicate in sorted(before.keys() | after.keys())
        if before.get(predicate, {}).keys() != after.get(predicate, {}).keys()
    )


def _combined(verdicts: Iterable[Verdict]) -> Verdict:
    """Several parameters' verdicts as one: tightened if any is, else loosened if any is."""
    found = list(verdicts)
    for direction in (TIGHTENED, LOOSENED):
        matching = [v for v in found if v.direction == direction]
        if matching:
            return next((v for v in matching if v.note), matching[0])
    return Verdict(DOCUMENTATION)


def _flags(
    predicate: str,
    old: dict[str, Value],
    new: dict[str, Value],
    sides: Sides,
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
    sides: Sides,
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
