"""The IRI scheme (documented in docs/iri-scheme.md).

Standards have persistent IRIs under ``https://w3id.org/demoi/`` that do not depend on where
demoi runs: vocabularies ``def/<area>#Term``, code lists ``code/<list>/<notation>``.

What a deployment mints lives under its base IRI (``DEMOI_BASE_URI``):

* resources: ``{base}id/<dataset>/<municipality>/<period>/...``
* one named graph per municipality x dataset (x period where the dataset is periodic):
  ``{base}graph/<municipality>/<dataset>[/<period>]``
* the provenance graph: ``{base}graph/provenance``
"""

from __future__ import annotations

import re
import uuid

import pyoxigraph

STANDARDS_BASE = "https://w3id.org/demoi/"
MUNICIPALITY_CODES = STANDARDS_BASE + "code/municipality/"
#: A mapping as the provenance names the plan a publication followed (Lifted.plan).
MAPPING_PLANS = STANDARDS_BASE + "mapping/"
STAGING_PREFIX = "urn:demoi:staging:"

_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MUNICIPALITY = re.compile(r"^[0-9]{4}$")


def municipality_iri(code: str) -> str:
    return MUNICIPALITY_CODES + code


def dataset_graph(base: str, municipality: str, dataset: str, period: str | None = None) -> str:
    if not _MUNICIPALITY.match(municipality):
        raise ValueError(f"a municipality code has four digits, got {municipality!r}")
    for part in (dataset, period):
        if part is not None and not _SEGMENT.match(part):
            raise ValueError(
                f"graph name segments are lower-case letters, digits and '-': {part!r}"
            )
    tail = f"/{period}" if period else ""
    return f"{base}graph/{municipality}/{dataset}{tail}"


def provenance_graph(base: str) -> str:
    return f"{base}graph/provenance"


def minted_prefix(base: str) -> str:
    return f"{base}id/"


def staging_graph() -> str:
    """A fresh, never-published graph name to stage data in before the atomic swap."""
    return f"{STAGING_PREFIX}{uuid.uuid4()}"


def is_staging(graph: str) -> bool:
    return graph.startswith(STAGING_PREFIX)


def is_reserved(graph: str) -> bool:
    """Graphs demoi keeps itself: staging graphs, and any deployment's provenance graph and
    conformance graph (``demoi validate --store``), not only this base's: a dump may be
    restored under another."""
    return is_staging(graph) or graph.endswith(("/graph/provenance", "/graph/conformance"))


def iri_problem(text: str) -> str | None:
    """Why ``text`` is not an absolute IRI, or None when it is one."""
    try:
        pyoxigraph.NamedNode(text)
    except ValueError as error:
        return str(error)
    return None if ":" in text else "it is not absolute"
