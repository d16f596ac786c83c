"""The mapping catalogue: ``mappings/<area>/<name>.toml`` describes a source and points at its
YARRRML mapping (run by morph-kgc). The TOML says what the source looks like (delimiter, the
columns and the headers they go by, which are numbers), what it needs from the user
(``--municipality``, parameters such as ``year``) and where the result is published.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import UsageError
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
    #: The columns that identify a row (and the resource minted from it).
    key: tuple[str, ...] = ()
    #: The sheet of a workbook source, unless --sheet says otherwise.
    sheet: str | None = None
    #: The query of a database source.
    query: str | None = None
    #: The descriptor file itself, for the mapping's version.
    descriptor: Path | None = None

    @property
    def version(self) -> str:
        """The SHA-256 of the descriptor and the YARRRML: what a publication followed, exactly."""
        digest = hashlib.sha256()
        for path in (self.descriptor, self.yarrrml):
            if path is not None:
                digest.update(path.read_bytes())
        return digest.hexdigest()

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
        return Mapping(
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
            sheet=source.get("sheet"),
            query=source.get("query"),
            descriptor=descriptor,
        )
    except (KeyError, TypeError, tomllib.TOMLDecodeError) as error:
        # A broken descriptor is a defect of the standards, caught by tests/test_mappings.py.
        raise RuntimeError(f"{descriptor}: invalid mapping descriptor ({error!r})") from error


def available_mappings(root: Path | None = None) -> dict[str, Mapping]:
    folder = root or standards_path("mappings")
    mappings = [_load(path) for path in sorted(folder.glob("*/*.toml"))]
    return {mapping.name: mapping for mapping in mappings}


def get_mapping(name: str) -> Mapping:
    mappings = available_mappings()
    if name not in mappings:
        raise UsageError(
            f"no mapping named {name!r}; `demoi mappings` lists them: "
            + ", ".join(sorted(mappings))
        )
    return mappings[name]
