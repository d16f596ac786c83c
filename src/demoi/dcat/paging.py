"""The catalogue for harvesters: pages of datasets with Hydra links, in the RDF syntaxes.

A harvester (data.gov.gr, data.europa.eu's piveau, ckanext-dcat) reads a large catalogue page by
page. The page node answers both ways such harvesters read Hydra: piveau first looks for a
hydra:PagedCollection with hydra:totalItems and the next page as a *string* (hydra:nextPage),
otherwise for a hydra:PartialCollectionView with hydra:next as an IRI; ckanext-dcat writes both
forms. So the page carries both (Hydra Core's IRIs and the older literals), and totalItems on
the page node itself, where piveau's first branch reads it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dcat.export import PREFIXES, Platform, municipal_triples, platform_triples
from demoi.dcat.model import Catalogue, Dataset, instant
from demoi.errors import UsageError

#: A harvester may ask for this many datasets per page at most (as CKAN caps rows at 1000).
MAX_PAGE_SIZE = 1000

#: Extension or format name -> (pyoxigraph format, media type).
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdf": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
}


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    total: int

    @property
    def last(self) -> int:
        return max(1, math.ceil(self.total / self.size))


def page_of(
    datasets: Sequence[Dataset], number: int | None, size: int
) -> tuple[Sequence[Dataset], Page | None]:
    """The datasets of page ``number`` (from 1; None: all of them), in IRI order, so that pages
    stay stable between requests."""
    ordered = sorted(datasets, key=lambda dataset: dataset.iri)
    if number is None:
        return ordered, None
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise UsageError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, not {size}")
    page = Page(number, size, len(ordered))
    if number < 1 or number > page.last:
        raise UsageError(f"there is no page {number}: the catalogue has {page.last} page(s)")
    return ordered[(number - 1) * size : number * size], page


def modified_since(datasets: Sequence[Dataset], since: str | None) -> list[Dataset]:
    """The datasets modified on or after ``since`` (an ISO 8601 date or date-time, as
    ckanext-dcat's ``modified_since``; a date-time without an offset is UTC), for harvesters
    that fetch only what changed. Compared as moments, not as text."""
    if not since:
        return list(datasets)
    moment = since_moment(since)
    return [dataset for dataset in datasets if instant(dataset.modified) >= moment]


def since_moment(since: str) -> datetime:
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        raise UsageError(
            f"modified_since must be an ISO 8601 date or date-time, e.g. 2026-01-31 or "
            f"2026-01-31T08:00:00+02:00, not {since!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def catalogue_triples(
    catalogues: Sequence[Catalogue],
    *,
    platform: Platform,
    code: str | None,
    number: int | None = None,
    size: int = 100,
    since: str | None = None,
    url: str | None = None,
) -> list[ox.Triple]:
    """The municipality's catalogue (``code``) or the platform's, whole or one page; a page
    links to its neighbours from ``url``, the address it is served at (without paging
    parameters)."""
    everything = [d for catalogue in catalogues for d in catalogue.datasets]
    chosen, page = page_of(modified_since(everything, since), number, size)
    if code is None:
        triples = platform_triples(platform, catalogues, chosen)
        collection = v.platform_catalogue_iri(platform.base)
    else:
        triples = municipal_triples(catalogues[0], platform.base, chosen)
        collection = v.catalogue_iri(platform.base, code)
    if page is not None:
        triples += hydra_view(collection, url or collection, page, since)
    return triples


def _page_url(url: str, number: int, size: int, since: str | None) -> str:
    parameters: dict[str, str | int] = {"page": number, "page_size": size}
    if since:
        parameters["modified_since"] = since
    return f"{url}?{urlencode(parameters)}"


def hydra_view(collection: str, url: str, page: Page, since: str | None) -> list[ox.Triple]:
    hydra = v.HYDRA
    view = ox.NamedNode(_page_url(url, page.number, page.size, since))
    total = ox.Literal(str(page.total), datatype=ox.NamedNode(v.XSD + "integer"))
    size = ox.Literal(str(page.size), datatype=ox.NamedNode(v.XSD + "integer"))
    triples = [
        ox.Triple(ox.NamedNode(collection), ox.NamedNode(hydra + "view"), view),
        ox.Triple(ox.NamedNode(collection), ox.NamedNode(hydra + "totalItems"), total),
        ox.Triple(view, v.TYPE, ox.NamedNode(hydra + "PartialCollectionView")),
        ox.Triple(view, v.TYPE, ox.NamedNode(hydra + "PagedCollection")),
        ox.Triple(view, ox.NamedNode(hydra + "totalItems"), total),
        ox.Triple(view, ox.NamedNode(hydra + "itemsPerPage"), size),
    ]
    links = {"first": 1, "last": page.last}
    if page.number > 1:
        links["previous"] = page.number - 1
    if page.number < page.last:
        links["next"] = page.number + 1
    for name, number in links.items():
        target = _page_url(url, number, page.size, since)
        triples.append(ox.Triple(view, ox.NamedNode(hydra + name), ox.NamedNode(target)))
        triples.append(ox.Triple(view, ox.NamedNode(hydra + name + "Page"), ox.Literal(target)))
    return triples


def serialise(triples: Sequence[ox.Triple], extension: str) -> bytes:
    """The triples in a syntax, each subject's statements together (Turtle reads top-down)."""
    rdf_format = RDF_FORMATS[extension][0]
    grouped: dict[object, list[ox.Triple]] = {}
    for triple in triples:
        grouped.setdefault(triple.subject, []).append(triple)
    ordered = [triple for group in grouped.values() for triple in group]
    if rdf_format is ox.RdfFormat.JSON_LD:
        # Compacted with the catalogue area's context, inlined: docs/jsonld-contexts.md.
        from demoi.jsonld import jsonld_bytes
        from demoi.vocab.contexts import standard_context

        return jsonld_bytes(ordered, standard_context("catalogue"))
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    serialised = ox.serialize(ordered, format=rdf_format, prefixes=prefixes)
    assert serialised is not None  # without an output, pyoxigraph returns the bytes
    return serialised
