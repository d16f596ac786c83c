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
    #: Resident population at the 2021 census (0 if the code list gives none).
    population: int = 0
    #: The uid of the municipality's organisation on Diavgeia ("" if none).
    diavgeia_uid: str = ""
    #: Its tax number (ΑΦΜ; "" if none).
    vat_number: str = ""

    def label(self, language: str) -> str:
        return self.label_el if language == "el" else self.label_en


@cache
def municipalities() -> dict[str, Municipality]:
    store = ox.Store()
    store.load(path=str(standards_path("ontologies") / CODE_LIST), format=ox.RdfFormat.TURTLE)
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
        SELECT ?concept ?code ?el ?en ?population ?uid ?afm WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/municipality> ;
                   skos:notation ?code ;
                   skos:prefLabel ?el, ?en .
          FILTER(LANG(?el) = "el" && LANG(?en) = "en")
          OPTIONAL { ?concept dorg:population2021 ?population }
          OPTIONAL { ?concept dorg:diavgeiaUid ?uid }
          OPTIONAL { ?concept dorg:vatNumber ?afm }
        }"""
    found = {}
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        code = row["code"].value
        found[code] = Municipality(
            code,
            row["concept"].value,
            row["el"].value,
            row["en"].value,
            population=int(row["population"].value) if row["population"] else 0,
            diavgeia_uid=row["uid"].value if row["uid"] else "",
            vat_number=row["afm"].value if row["afm"] else "",
        )
    return found


def by_diavgeia_uid(uid: str) -> Municipality | None:
    """The municipality whose Diavgeia organisation has ``uid``, if any."""
    return _by_diavgeia_uid().get(uid)


@cache
def _by_diavgeia_uid() -> dict[str, Municipality]:
    return {found.diavgeia_uid: found for found in municipalities().values() if found.diavgeia_uid}


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
