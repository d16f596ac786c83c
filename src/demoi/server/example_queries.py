"""The example queries the home page offers, one or more per functional area.

Each is a file ``queries/<area>-<name>.rq`` beside this module. It opens with a header of
comment lines giving its title and a one-line description in both languages::

    # title@el: Πληρωμές ανά κεφάλαιο ΚΑΕ
    # title@en: Payments per KAE chapter
    # description@el: ...
    # description@en: ...

and goes on with the SPARQL query. ``<area>`` is a notation of the functional-area code list
(``ontologies/codelists/functional-areas.ttl``). docs/pages.md tells how to add one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from demoi.errors import DataError, Location
from demoi.resources import standards_path

QUERIES = Path(__file__).parent / "queries"
LANGUAGES = ("el", "en")
HEADER_KEYS = ("title", "description")
_HEADER_LINE = re.compile(r"^#\s*(?P<key>[a-z]+)@(?P<lang>[a-z]{2})\s*:\s*(?P<value>.+?)\s*$")

FUNCTIONAL_AREAS = standards_path("ontologies") / "codelists" / "functional-areas.ttl"
#: The order the areas are shown in: the order of the code list's skos:hasTopConcept, which
#: RDF does not keep, so it is written here (a test checks it against the code list).
AREA_ORDER = (
    "organisation",
    "decisions",
    "finance",
    "procurement",
    "services",
    "places",
    "environment",
    "mobility",
    "utilities",
    "culture",
    "statistics",
    "catalogue",
)


@dataclass(frozen=True)
class FunctionalArea:
    notation: str
    iri: str
    labels: dict[str, str]

    def label(self, language: str) -> str:
        return self.labels[language]


@dataclass(frozen=True)
class ExampleQuery:
    #: The file's name without ``.rq``: ``finance-paid-per-kae-chapter``.
    name: str
    area: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    #: The whole file, header included, as the query editor shows it.
    text: str

    def title(self, language: str) -> str:
        return self.titles[language]

    def description(self, language: str) -> str:
        return self.descriptions[language]


@cache
def functional_areas() -> dict[str, FunctionalArea]:
    """The twelve areas by notation, in AREA_ORDER, with their el/en labels."""
    store = ox.Store()
    store.load(path=str(FUNCTIONAL_AREAS), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?concept ?notation ?label WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/functional-area> ;
                   skos:notation ?notation ; skos:prefLabel ?label }"""
    )
    assert isinstance(solutions, ox.QuerySolutions)
    iris: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    for row in solutions:
        notation, label = row["notation"].value, row["label"]
        assert isinstance(label, ox.Literal)
        iris[notation] = row["concept"].value
        labels.setdefault(notation, {})[label.language or ""] = label.value
    ordered = [notation for notation in AREA_ORDER if notation in iris]
    ordered += sorted(set(iris) - set(AREA_ORDER))
    return {
        notation: FunctionalArea(notation, iris[notation], labels[notation]) for notation in ordered
    }


def parse_example(path: Path, areas: frozenset[str]) -> ExampleQuery:
    """The example in ``path``; DataError naming the file and line when its header or its
    area is wrong."""
    text = path.read_text(encoding="utf-8")
    area = next((known for known in areas if path.stem.startswith(f"{known}-")), None)
    if area is None:
        raise DataError(
            f"the file name must start with a functional area and '-' ({', '.join(sorted(areas))})",
            location=Location(file=str(path)),
        )
    header: dict[tuple[str, str], str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if match is None or match["key"] not in HEADER_KEYS or match["lang"] not in LANGUAGES:
            raise DataError(
                "a header line is '# title@el: ...', '# title@en: ...', "
                "'# description@el: ...' or '# description@en: ...'",
                location=Location(file=str(path), line=number),
            )
        header[(match["key"], match["lang"])] = match["value"]
    missing = [
        f"{key}@{lang}" for key in HEADER_KEYS for lang in LANGUAGES if (key, lang) not in header
    ]
    if missing:
        raise DataError(
            f"the header lacks {', '.join(missing)}", location=Location(file=str(path), line=1)
        )
    return ExampleQuery(
        name=path.stem,
        area=area,
        titles={lang: header[("title", lang)] for lang in LANGUAGES},
        descriptions={lang: header[("description", lang)] for lang in LANGUAGES},
        text=text,
    )


def load_examples(folder: Path) -> list[ExampleQuery]:
    """Every ``*.rq`` in ``folder``, sorted by area (in AREA_ORDER) then name."""
    areas = functional_areas()
    order = {notation: position for position, notation in enumerate(areas)}
    examples = [parse_example(path, frozenset(areas)) for path in folder.glob("*.rq")]
    return sorted(examples, key=lambda example: (order[example.area], example.name))


@cache
def example_queries() -> tuple[ExampleQuery, ...]:
    """The packaged examples (read once: they change only with a new release)."""
    return tuple(load_examples(QUERIES))


def examples_by_area() -> dict[str, list[ExampleQuery]]:
    grouped: dict[str, list[ExampleQuery]] = {}
    for example in example_queries():
        grouped.setdefault(example.area, []).append(example)
    return grouped
