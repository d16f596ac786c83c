"""The municipality code list (``ontologies/codelists/municipalities.ttl``), for lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from demoi.errors import UsageError
from demoi.iris import MUNICIPALITY_CODES
from demoi.resources import standards_path

CODE_LIST = "codelists/municipalities.ttl"


@dataclass(frozen=True)
class Municipality:
    code: str
    iri: str
    label_el: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_el if language == "el" else self.label_en


@cache
def municipalities() -> dict[str, Municipality]:
    store = ox.Store()
    store.load(path=str(standards_path("ontologies") / CODE_LIST), format=ox.RdfFormat.TURTLE)
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?concept ?code ?el ?en WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/municipality> ;
                   skos:notation ?code ;
                   skos:prefLabel ?el, ?en .
          FILTER(LANG(?el) = "el" && LANG(?en) = "en")
        }"""
    found = {}
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        code = row["code"].value
        found[code] = Municipality(code, row["concept"].value, row["el"].value, row["en"].value)
    return found


def get_municipality(code: str) -> Municipality:
    known = municipalities()
    if code not in known:
        hint = (
            " (ELSTAT 2021 codes have four digits, e.g. 4401 for Kalamata)"
            if len(code) != 4
            else ""
        )
        raise UsageError(f"{code!r} is not a municipality code in {MUNICIPALITY_CODES}{hint}")
    return known[code]
