"""The labels of the code lists' concepts (licences, charging categories, data themes, HVD
categories, functional areas, frequencies, file types), for pages and documents."""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from demoi.resources import standards_path

_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?concept ?label WHERE {
  { ?concept skos:prefLabel ?label } UNION { ?concept dcterms:title ?label }
  UNION { ?concept rdfs:label ?label }
}"""


@cache
def _labels() -> dict[str, dict[str, str]]:
    store = ox.Store()
    for path in sorted((standards_path("ontologies") / "codelists").glob("*.ttl")):
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    found: dict[str, dict[str, str]] = {}
    solutions = store.query(_LABELS)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        concept, label = row["concept"], row["label"]
        if isinstance(concept, ox.NamedNode) and isinstance(label, ox.Literal):
            found.setdefault(concept.value, {}).setdefault(label.language or "", label.value)
    return found


def label(iri: str, language: str) -> str:
    """The concept's label in ``language`` (else in the other, else the IRI's last segment)."""
    labels = _labels().get(iri, {})
    return (
        labels.get(language)
        or labels.get("en" if language == "el" else "el")
        or labels.get("")
        or iri.rstrip("/").rsplit("/", 1)[-1]
    )
