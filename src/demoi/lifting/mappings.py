"""The mapping catalogue: ``mappings/<area>/<name>.toml`` describes a source and points at its
YARRRML mapping (run by morph-kgc). The TOML says what the source looks like (delimiter, the
columns and the headers they go by, which are numbers), what it needs from the user
(``--municipality``, parameters such as ``year``) and where the result is published.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from demoi.errors import UsageError
from demoi.iris import dataset_graph
from demoi.lifting.tabular import Column
from demoi.resources import standards_path

PARAMETER_PATTERNS = {"year": re.compile(r"^(19|20)[0-9]{2}$")}


@dataclass(frozen=True)
class Mapping:
    name: str
    area: str
    dataset: str
    source_format: str
    description: dict[str, str]
    yarrrml: Path
    columns: tuple[Column, ...]
    delimiter: str = ";"
    parameters: tuple[str, ...] = ()
    #: The parameter whose value names the period segment of the graph IRI, if any.
    period: str | None = None
    #: The columns that identify a row (and the resource minted from it) of the main table.
    key: tuple[str, ...] = ()
    #: The key of each other table a reader gives the mapping (``[source.keys]``): pairs of
    #: table name and key columns, a tuple so that a Mapping stays hashable.
    keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The sheet of a workbook source, unless --sheet says otherwise.
    sheet: str | None = None
    #: The query of a database source.
    query: str | None = None
    #: The descriptor file itself, for the mapping's version.
    descriptor: Path | None = None
    #: The personal-data policy beside the descriptor (``<name>.privacy.toml``), if there is one
    #: (demoi.privacy.policy): what is done to each column holding personal data before lifting.
    privacy: Path | None = None
    #: How the catalogue describes the dataset (``[catalogue]``): its EU data themes
    #: (data-theme notations), its high-value categories (HVD category notations, ``c_…``;
    #: none for a dataset outside Regulation (EU) 2023/138) and its update frequency (EU
    #: frequency notation). Per mapping because the Regulation scopes by content, not by area.
    themes: tuple[str, ...] = ()
    hvd_categories: tuple[str, ...] = ()
    frequency: str | None = None
    #: The dataset's title in the catalogue (``[catalogue] title``, el and en): a short name,
    #: not the description's lead, which is often the whole description.
    title: dict[str, str] = field(default_factory=dict)
    #: The properties whose values are the time the data covers (``[catalogue] temporal``, full
    #: IRIs), from which the catalogue computes its temporal coverage; none for a dataset
    #: without time (facilities, heritage sites): other dates in it (a monument's protection
    #: act) are not the time the data covers.
    temporal: tuple[str, ...] = ()

    @property
    def table_keys(self) -> dict[str, tuple[str, ...]]:
        """Every key to check: the main table's and those of ``[source.keys]``."""
        main = {"source": self.key} if self.key else {}
        return {**main, **dict(self.keys)}

    @property
    def version(self) -> str:
        """The SHA-256 of the descriptor and the YARRRML: what a publication followed, exactly."""
        digest = hashlib.sha256()
        for path in (self.descriptor, self.yarrrml, self.privacy):
            if path is not None:
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def graph(
        self, base: str, municipality: str, parameters: dict[str, str], dataset: str | None = None
    ) -> str:
        """The graph a lift of this mapping replaces: the municipality's dataset (``dataset``,
        or the mapping's own), in the period its ``period`` parameter names."""
        period = parameters.get(self.period) if self.period else None
        return dataset_graph(base, municipality, dataset or self.dataset, period)

    def check_parameters(self, values: dict[str, str]) -> None:
        for name in self.parameters:
            value = values.get(name)
            if not value:
                raise UsageError(f"the mapping {self.name} needs --{name}")
            pattern = PARAMETER_PATTERNS.get(name)
            if pattern and not pattern.match(value):
                raise UsageError(f"--{name} {value!r} is not valid for the mapping {self.name}")


def _load(descriptor: Path) -> Mapping:
    try:
        spec = tomllib.loads(descriptor.read_text(encoding="utf-8"))
        source = spec.get("source", {})
        columns = tuple(
            Column(
                name=column["name"],
                headers=tuple(column["headers"]),
                type=column.get("type", "text"),
                required=column.get("required", True),
            )
            for column in source.get("columns", ())
        )
        mapping = Mapping(
            name=spec["name"],
            area=spec["area"],
            dataset=spec["dataset"],
            source_format=spec["format"],
            description=dict(spec["description"]),
            yarrrml=descriptor.parent / spec["mapping"],
            columns=columns,
            delimiter=source.get("delimiter", ";"),
            parameters=tuple(spec.get("parameters", ())),
            period=spec.get("period"),
            key=tuple(source.get("key", ())),
            keys=_table_keys(source.get("keys", {})),
            sheet=source.get("sheet"),
            query=source.get("query"),
            descriptor=descriptor,
            privacy=_privacy_policy(descriptor, spec["name"]),
            themes=tuple(spec.get("catalogue", {}).get("themes", ())),
            hvd_categories=tuple(spec.get("catalogue", {}).get("hvd", ())),
            frequency=spec.get("catalogue", {}).get("frequency"),
            title=dict(spec.get("catalogue", {}).get("title", {})),
            temporal=tuple(spec.get("catalogue", {}).get("temporal", ())),
        )
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as error:
        # A broken descriptor is a defect of the standards, caught by tests/test_lift_core.py.
        raise RuntimeError(f"{descriptor}: invalid mapping descriptor ({error!r})") from error
    check_morph_pitfalls(mapping.yarrrml)
    return mapping


def _privacy_policy(descriptor: Path, name: str) -> Path | None:
    policy = descriptor.parent / f"{name}.privacy.toml"
    return policy if policy.is_file() else None


def _table_keys(spec: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(spec, dict) or not all(
        isinstance(key, list) and key and all(isinstance(name, str) for name in key)
        for key in spec.values()
    ):
        raise ValueError("[source.keys] maps each table name to a list of column names")
    return tuple((str(table), tuple(key)) for table, key in spec.items())


#: morph-kgc 2.10 finds a function call in a predicate-object map by testing ``'function' in``
#: its predicates and graphs after expanding prefixes. On a string that is a substring test,
#: so a predicate or graph IRI containing "function" (lower case) is taken for a call and the
#: mapping fails to parse with "TypeError: string indices must be integers"
#: (tests/test_lift_core.py reproduces it). Subjects and objects are not affected.
MORPH_FUNCTION_WORD = "function"
#: morph-kgc adds default prefixes over a mapping's own; of them only fno: holds the word.
MORPH_DEFAULT_PREFIXES = {"fno": "https://w3id.org/function/ontology#"}
PREDICATE_OBJECT_KEYS = ("predicateobjects", "predicateobject", "po")
PREDICATE_KEYS = ("predicates", "predicate", "p")
GRAPH_KEYS = ("graphs", "graph", "g")


def check_morph_pitfalls(yarrrml: Path) -> None:
    """Refuse, when the mapping is loaded, a YARRRML mapping morph-kgc would fail on with an
    error that names neither the mapping nor the cause. A defect of the mapping: RuntimeError."""
    try:
        text = yarrrml.read_text(encoding="utf-8")
    except OSError as error:
        raise RuntimeError(f"{yarrrml}: cannot read the mapping ({error.strerror})") from None
    problem = _function_word_problem(text)
    if problem:
        raise RuntimeError(f"{yarrrml}: {problem}")


@lru_cache(maxsize=128)
def _function_word_problem(text: str) -> str | None:
    if MORPH_FUNCTION_WORD not in text and "fno:" not in text:
        return None  # the common case, without parsing the YAML
    from ruamel.yaml import YAML

    document = YAML(typ="safe", pure=True).load(text) or {}
    prefixes = {**dict(document.get("prefixes") or {}), **MORPH_DEFAULT_PREFIXES}
    for name, rules in (document.get("mappings") or {}).items():
        for term in _predicates_and_graphs(rules):
            iri = _expanded(term, prefixes)
            if MORPH_FUNCTION_WORD in iri:
                return (
                    f"mapping {name!r}: the predicate or graph {term!r} ({iri}) contains "
                    f"{MORPH_FUNCTION_WORD!r}, which morph-kgc 2.10 mistakes for a function "
                    "call and fails on; name the property otherwise (morph-kgc matches the "
                    "lower-case word only: 'Function' works)"
                )
    return None


def _predicates_and_graphs(rules: Any) -> Iterator[str]:
    if not isinstance(rules, dict):
        return
    yield from _strings(_first(rules, GRAPH_KEYS))
    entries = _first(rules, PREDICATE_OBJECT_KEYS) or []
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, list) and entry:
            yield from _strings(entry[0])
        elif isinstance(entry, dict):
            yield from _strings(_first(entry, PREDICATE_KEYS))
            yield from _strings(_first(entry, GRAPH_KEYS))


def _first(rules: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((rules[key] for key in keys if key in rules), None)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _expanded(term: str, prefixes: dict[str, Any]) -> str:
    prefix, colon, local = term.partition(":")
    if colon and prefix in prefixes:
        return f"{prefixes[prefix]}{local}"
    return term


def available_mappings(root: Path | None = None) -> dict[str, Mapping]:
    folder = root or standards_path("mappings")
    descriptors = sorted(folder.glob("*/*.toml"))
    # A mapping's privacy policy (<name>.privacy.toml) sits beside its descriptor.
    mappings = [_load(path) for path in descriptors if not path.name.endswith(".privacy.toml")]
    return {mapping.name: mapping for mapping in mappings}


def get_mapping(name: str) -> Mapping:
    mappings = available_mappings()
    if name not in mappings:
        raise UsageError(
            f"no mapping named {name!r}; `demoi mappings` lists them: "
            + ", ".join(sorted(mappings))
        )
    return mappings[name]
