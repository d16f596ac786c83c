"""The generated DCAT-AP catalogue: what it says, that the EU shapes accept it in both passes,
its pages, its routes, and the reuse terms and contact points municipalities set."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from conftest import SHARED_DATA, lift_example_file
from demoi import conformance, profiles
from demoi.catalogue import temporal_coverage
from demoi.cli import cli
from demoi.dcat import vocabulary as v
from demoi.dcat.export import Platform, high_value_triples, municipal_triples, platform_triples
from demoi.dcat.model import Catalogue, mappings_by_name, read_catalogues
from demoi.dcat.paging import catalogue_triples, serialise
from demoi.dcat.terms import set_contact, set_terms
from demoi.errors import UsageError
from demoi.lifting import Lifted
from demoi.publishing import publish_lifted
from demoi.server import app_store
from demoi.store import OxigraphStore

BASE = "http://demoi.test/"
EU_SHAPES = str(SHARED_DATA / "dcat-ap-shacl")
PLATFORM = Platform(BASE, "demoi", "")
#: The Warnings DCAT-AP's vocabulary check gives on every generated catalogue, and must: the
#: municipality is a publisher no EU corporate-body table lists, and a place no EU place table
#: lists; a functional area is a theme no EU data-theme table lists (docs/catalogue.md).
#: Anything else is a defect.
EXPECTED_WARNING_PATHS = {v.DCTERMS + "publisher", v.DCTERMS + "spatial", v.DCAT + "theme"}


@pytest.fixture(scope="module")
def kalamata(demo_app: Flask) -> Catalogue:
    return read_catalogues(app_store(demo_app), BASE, "4401")[0]


def _check(triples: list[ox.Triple], profile: str) -> conformance.Outcome:
    return conformance.check_triples(triples, profiles.load(profile, eu_shapes_dir=EU_SHAPES))


def _violations(outcome: conformance.Outcome) -> list[str]:
    return [
        f"{r.focus} {r.path}: {r.message('en')}"
        for r in outcome.results
        if r.severity == "Violation"
    ]


def _warning_counts(outcome: conformance.Outcome) -> Counter[str | None]:
    return Counter(r.path for r in outcome.results if r.severity == "Warning")


def _subjects_of(triples: list[ox.Triple], rdf_class: str) -> set[str]:
    return {
        t.subject.value
        for t in triples
        if t.predicate == v.TYPE and t.object == ox.NamedNode(rdf_class)
    }


# --- conformance -------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["catalogue", "dcat-ap"])
@pytest.mark.parametrize("scope", ["municipality", "platform"])
def test_generated_catalogue_conforms_in_both_passes(
    kalamata: Catalogue, profile: str, scope: str
) -> None:
    triples = (
        municipal_triples(kalamata, BASE)
        if scope == "municipality"
        else platform_triples(PLATFORM, [kalamata])
    )
    outcome = _check(triples, profile)
    assert {p.number for p in outcome.passes} == {1, 2}
    assert _violations(outcome) == []
    if profile == "catalogue":
        assert outcome.results == [], [r.message("en") for r in outcome.results]
    else:
        datasets = len(kalamata.datasets)
        # The catalogue, every dataset and the data service name the municipality as publisher
        # (and the platform's catalogue its operator); the catalogue and every dataset name the
        # municipality as a place; every dataset has its functional area as a theme.
        platform = 1 if scope == "platform" else 0
        assert _warning_counts(outcome) == {
            v.DCTERMS + "publisher": datasets + 2 + platform,
            v.DCTERMS + "spatial": datasets + 1,
            v.DCAT + "theme": datasets,
        }


def test_high_value_part_conforms_to_dcat_ap_hvd(kalamata: Catalogue) -> None:
    part = high_value_triples(municipal_triples(kalamata, BASE))
    high_value = {d.iri for d in kalamata.datasets if d.high_value}
    assert high_value, "the demo publishes air quality and waste, which are high-value"
    assert _subjects_of(part, v.DCAT + "Dataset") == high_value
    assert _subjects_of(part, v.DCAT + "DataService") == {kalamata.service}
    outcome = _check(part, "hvd")
    assert _violations(outcome) == []
    assert set(_warning_counts(outcome)) <= EXPECTED_WARNING_PATHS


def test_the_whole_catalogue_fails_hvd_so_the_high_value_part_is_what_is_checked(
    kalamata: Catalogue,
) -> None:
    """The HVD shapes target every dataset: on the whole catalogue the datasets that are not
    high-value fail them, which is why the check runs on the high-value part."""
    outcome = _check(municipal_triples(kalamata, BASE), "hvd")
    failing = {r.focus for r in outcome.results if r.severity == "Violation"}
    assert failing and not failing & {d.iri for d in kalamata.datasets if d.high_value}


# --- what the catalogue says -------------------------------------------------------------------


def test_one_dataset_per_municipality_and_dataset_id_whatever_its_periods(
    kalamata: Catalogue, demo_app: Flask
) -> None:
    graphs = {
        info.iri
        for info in app_store(demo_app).graphs()
        if info.iri.startswith(f"{BASE}graph/4401/") and not info.iri.endswith("/catalogue")
    }
    covered = [graph for dataset in kalamata.datasets for graph in dataset.graphs]
    assert sorted(covered) == sorted(graphs)
    ids = [d.dataset_id for d in kalamata.datasets]
    assert len(ids) == len(set(ids))
    assert any(len(d.publications) > 1 for d in kalamata.datasets) or all(
        d.periods == () or len(d.periods) == 1 for d in kalamata.datasets
    )


def test_every_dataset_says_what_the_issue_lists(kalamata: Catalogue) -> None:
    triples = municipal_triples(kalamata, BASE)
    by_subject: dict[str, set[str]] = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, set()).add(t.predicate.value)
    required = {
        v.DCTERMS + name
        for name in (
            "title",
            "description",
            "publisher",
            "spatial",
            "modified",
            "conformsTo",
            "accessRights",
        )
    } | {v.DCAT + "theme", v.DCAT + "contactPoint", v.DCAT + "distribution"}
    required |= {v.DEMOI + "functionalArea", v.CAT + "anonymisation"}
    for dataset in kalamata.datasets:
        assert required <= by_subject[dataset.iri], dataset.dataset_id
        assert set(dataset.title) == set(dataset.description) == {"el", "en"}
        kinds = {d.kind for d in dataset.distributions}
        assert {"ttl", "nt", "jsonld", "sparql"} <= kinds
        for distribution in dataset.distributions:
            assert v.DCTERMS + "license" in by_subject[distribution.iri]
            assert v.CAT + "chargingCategory" in by_subject[distribution.iri]


def test_temporal_coverage_comes_from_the_period_or_from_the_data() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert temporal_coverage("2024", b"", ()) == ("2024-01-01", "2024-12-31")
    assert temporal_coverage("2010-2013", b"", ()) == ("2010-01-01", "2013-12-31")
    data = (
        f'<http://x.test/a> <http://x.test/when> "2023-05-01"^^<{xsd}date> .\n'
        f'<http://x.test/a> <http://x.test/when> "2021-02-03T10:00:00Z"^^<{xsd}dateTime> .\n'
        f'<http://x.test/a> <http://x.test/other> "1999-01-01"^^<{xsd}date> .\n'
    ).encode()
    assert temporal_coverage(None, data, ("http://x.test/when",)) == ("2021-02-03", "2023-05-01")
    assert temporal_coverage(None, data, ()) is None


@pytest.mark.parametrize("name", sorted(mappings_by_name()))
def test_mapping_catalogue_rules_name_concepts_of_the_code_lists(name: str) -> None:
    mapping = mappings_by_name()[name]
    concepts = profiles.background(
        [
            ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.NamedNode(iri))
            for iri in [
                *(v.DATA_THEME + theme for theme in mapping.themes),
                *(v.HVD_CATEGORY + category for category in mapping.hvd_categories),
                *([v.FREQUENCY + mapping.frequency] if mapping.frequency else []),
            ]
        ]
    )
    described = {t.subject.value for t in concepts}
    assert mapping.themes, f"{name} has no EU data theme"
    for theme in mapping.themes:
        assert v.DATA_THEME + theme in described
    for category in mapping.hvd_categories:
        assert v.HVD_CATEGORY + category in described
    assert mapping.frequency and v.FREQUENCY + mapping.frequency in described


def test_record_derives_from_its_source_and_not_dct_source_whose_range_is_a_dataset(
    demo_app: Flask,
) -> None:
    store = app_store(demo_app)
    catalogue = f"{BASE}graph/4401/catalogue"
    predicates = {q.predicate.value for q in store.quads(catalogue)}
    assert v.PROV + "wasDerivedFrom" in predicates
    assert v.DCTERMS + "source" not in predicates


# --- pages -------------------------------------------------------------------------------------


def _pages(catalogues: list[Catalogue], size: int) -> list[list[ox.Triple]]:
    total = sum(len(c.datasets) for c in catalogues)
    return [
        catalogue_triples(
            catalogues, platform=PLATFORM, code=None, number=n, size=size, url=f"{BASE}catalog"
        )
        for n in range(1, -(-total // size) + 1)
    ]


def test_pages_hold_every_dataset_once_and_each_page_conforms(kalamata: Catalogue) -> None:
    pages = _pages([kalamata], 4)
    seen = [iri for page in pages for iri in _subjects_of(page, v.DCAT + "Dataset")]
    assert sorted(seen) == sorted(d.iri for d in kalamata.datasets)
    assert len(pages) > 2
    for page in pages[:2] + pages[-1:]:
        assert _violations(_check(page, "dcat-ap")) == []


def _walk_like_piveau(pages: dict[str, bytes], first: str, branch: str) -> list[str]:
    """data.europa.eu's importer (io.piveau.importing.utils.Hydra): a hydra:PagedCollection with
    totalItems on it and hydra:nextPage as a string, else a hydra:PartialCollectionView with
    hydra:next as an IRI. Each branch alone must reach every page."""
    hydra = v.HYDRA
    visited, url = [], first
    while url:
        visited.append(url)
        store = ox.Store()
        store.load(pages[url], format=ox.RdfFormat.TURTLE)
        kind = "PagedCollection" if branch == "paged" else "PartialCollectionView"
        (view,) = [
            q.subject for q in store.quads_for_pattern(None, v.TYPE, ox.NamedNode(hydra + kind))
        ]
        total = list(store.quads_for_pattern(view, ox.NamedNode(hydra + "totalItems"), None))
        assert total, "piveau reads totalItems on the page node and throws without it"
        link = hydra + ("nextPage" if branch == "paged" else "next")
        following = list(store.quads_for_pattern(view, ox.NamedNode(link), None))
        if branch == "paged":
            assert all(isinstance(q.object, ox.Literal) for q in following)
        else:
            assert all(isinstance(q.object, ox.NamedNode) for q in following)
        url = following[0].object.value if following else ""
    return visited


@pytest.mark.parametrize("branch", ["paged", "partial-view"])
def test_a_harvester_walks_every_page(demo_client: FlaskClient, branch: str) -> None:
    first = "http://localhost/catalog/4401?page=1&page_size=3"
    pages: dict[str, bytes] = {}
    url = first
    while url:
        response = demo_client.get(url, headers={"Accept": "text/turtle"})
        assert response.status_code == 200
        pages[url] = response.data
        store = ox.Store()
        store.load(response.data, format=ox.RdfFormat.TURTLE)
        nxt = list(store.quads_for_pattern(None, ox.NamedNode(v.HYDRA + "next"), None))
        url = nxt[0].object.value if nxt else ""
    visited = _walk_like_piveau(pages, first, branch)
    assert visited == list(pages)
    datasets = set()
    for body in pages.values():
        store = ox.Store()
        store.load(body, format=ox.RdfFormat.TURTLE)
        datasets |= {
            q.subject.value
            for q in store.quads_for_pattern(None, v.TYPE, ox.NamedNode(v.DCAT + "Dataset"))
        }
    assert len(datasets) == len(
        read_catalogues(app_store(demo_client.application), BASE, "4401")[0].datasets
    )


def test_modified_since_keeps_only_what_changed(kalamata: Catalogue) -> None:
    later = max(d.modified for d in kalamata.datasets)
    triples = catalogue_triples([kalamata], platform=PLATFORM, code="4401", since=later)
    kept = _subjects_of(triples, v.DCAT + "Dataset")
    assert kept == {d.iri for d in kalamata.datasets if d.modified >= later}
    assert catalogue_triples([kalamata], platform=PLATFORM, code="4401", since="2999-01-01")


# --- routes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "accept", "status", "media_type"),
    [
        ("/catalog", "text/turtle", 200, "text/turtle"),
        ("/catalog", "*/*", 200, "text/turtle"),
        ("/catalog", None, 200, "text/turtle"),
        ("/catalog/4401", "application/ld+json", 200, "application/ld+json"),
        ("/catalog/4401", "application/rdf+xml", 200, "application/rdf+xml"),
        ("/catalog/4401", "application/n-triples", 200, "application/n-triples"),
        ("/catalog/4401", "text/html,application/xhtml+xml;q=0.9", 200, "text/html"),
        ("/catalog/4401?format=jsonld", "text/html", 200, "application/ld+json"),
        ("/catalog/4401?format=html", "text/turtle", 200, "text/html"),
        ("/catalog/4401", "image/png", 406, "application/json"),
        ("/catalog/4401?format=xls", None, 400, "application/json"),
        ("/catalog/9999", None, 404, "application/json"),
        ("/catalog/4401?page=0", None, 400, "application/json"),
        ("/catalog/4401?page=999", None, 400, "application/json"),
        ("/catalog/4401?page=one", None, 400, "application/json"),
        ("/catalog/4401?page=1&page_size=5000", None, 400, "application/json"),
    ],
)
def test_catalogue_routes_negotiate(
    demo_client: FlaskClient, url: str, accept: str | None, status: int, media_type: str
) -> None:
    response = demo_client.get(url, headers={"Accept": accept} if accept else {})
    assert response.status_code == status
    assert response.mimetype == media_type
    if status >= 400:
        assert set(response.get_json()["error"]) >= {"status", "code", "message"}


@pytest.mark.parametrize("lang", ["el", "en"])
def test_catalogue_page_lists_every_dataset_with_licence_and_charge(
    demo_client: FlaskClient, kalamata: Catalogue, lang: str
) -> None:
    page = demo_client.get(f"/catalog/4401?lang={lang}", headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    for dataset in kalamata.datasets:
        assert f'id="{dataset.dataset_id}"' in text
    assert {"el": "Δωρεάν", "en": "Free of charge"}[lang] in text
    assert "CC BY 4.0" in text


def test_every_distribution_really_works(demo_client: FlaskClient, kalamata: Catalogue) -> None:
    """Each dump the catalogue lists answers, in the media type the catalogue says."""
    for dataset in kalamata.datasets:
        for distribution in dataset.distributions:
            if distribution.kind == "sparql":
                continue
            path = urlsplit(distribution.download_url or "").path
            response = demo_client.get(path)
            assert response.status_code == 200, path
            assert distribution.media_type and distribution.media_type.endswith(response.mimetype)


# --- terms and contact -------------------------------------------------------------------------


def _budget(name: str = "4401-2024-expense.utf8.csv", dataset: str | None = None) -> Lifted:
    return lift_example_file(
        f"budget/{name}", "budget-expense", "4401", BASE, {"year": "2024"}, dataset=dataset
    )


@pytest.fixture
def published(tmp_path: Path) -> OxigraphStore:
    store = OxigraphStore(tmp_path / "store")
    publish_lifted(store, _budget(), base_uri=BASE)
    lifted = lift_example_file(
        "environment/4401-waste.xlsx",
        "waste-quantities",
        "4401",
        BASE,
        {"year": "2024"},
        sheet="2024",
    )
    publish_lifted(store, lifted, base_uri=BASE)
    return store


def _only(store: OxigraphStore) -> Catalogue:
    return read_catalogues(store, BASE, "4401")[0]


def test_terms_default_to_cc_by_and_free_then_follow_what_the_municipality_sets(
    published: OxigraphStore,
) -> None:
    budget = next(d for d in _only(published).datasets if d.dataset_id == "budget-expense")
    assert budget.terms.licence == v.LICENCE + "CC_BY_4_0" and budget.terms.charging == v.FREE
    set_terms(published, BASE, "4401", "budget-expense", licence="CC0")
    basis = {"el": "Απόφαση ΔΣ 12/2024, ΑΔΑ 6ΡΣΤ46ΜΤΛΗ-ΞΥΖ", "en": "Council decision 12/2024"}
    set_terms(
        published,
        BASE,
        "4401",
        "budget-expense",
        distribution="csv",
        charging="marginal-cost",
        basis=basis,
    )
    budget = next(d for d in _only(published).datasets if d.dataset_id == "budget-expense")
    by_kind = {d.kind: d for d in budget.distributions}
    assert budget.terms.licence == v.LICENCE + "CC0"
    assert by_kind["csv"].terms.charging == v.CHARGING + "marginal-cost"
    assert by_kind["csv"].terms.licence == v.LICENCE + "CC0"  # inherited from the dataset
    assert by_kind["csv"].terms.charging_basis == basis
    assert by_kind["ttl"].terms.charging == v.FREE
    outcome = _check(municipal_triples(_only(published), BASE), "catalogue")
    assert _violations(outcome) == []
    assert _violations(_check(municipal_triples(_only(published), BASE), "dcat-ap")) == []


def test_terms_survive_a_new_lift_of_the_dataset(published: OxigraphStore) -> None:
    set_terms(published, BASE, "4401", "budget-expense", licence="ODC_BY")
    publish_lifted(published, _budget("4401-2024-expense.cp1253.csv"), base_uri=BASE)
    budget = next(d for d in _only(published).datasets if d.dataset_id == "budget-expense")
    assert budget.terms.licence == v.LICENCE + "ODC_BY"


@pytest.mark.parametrize(
    ("dataset", "arguments", "message"),
    [
        ("budget-expense", {"licence": "CC_BY_NC_4_0"}, "not one of the open licences"),
        ("budget-expense", {"charging": "expensive"}, "charging category must be one of"),
        ("budget-expense", {"charging": "marginal-cost"}, "basis in Greek and English"),
        ("budget-expense", {}, "give --licence, --charging or both"),
        ("waste-quantities", {"licence": "CC_BYSA_4_0"}, "high-value"),
        (
            "waste-quantities",
            {"charging": "marginal-cost", "basis": {"el": "x", "en": "y"}},
            "free of charge",
        ),
        ("parking", {"licence": "CC0"}, "has published no dataset 'parking'"),
    ],
)
def test_terms_refused_change_nothing(
    published: OxigraphStore, dataset: str, arguments: dict[str, object], message: str
) -> None:
    before = sorted(map(str, published.quads(f"{BASE}graph/4401/catalogue")))
    with pytest.raises(UsageError, match=message):
        set_terms(published, BASE, "4401", dataset, **arguments)  # type: ignore[arg-type]
    assert sorted(map(str, published.quads(f"{BASE}graph/4401/catalogue"))) == before


def test_contact_point_replaces_the_default(published: OxigraphStore) -> None:
    assert _only(published).contact.url == v.guide_url(BASE, "4401")
    set_contact(
        published,
        BASE,
        "4401",
        name={"el": "Γραφείο Ανοικτών Δεδομένων", "en": "Open Data Office"},
        email="opendata@kalamata.gr",
    )
    contact = _only(published).contact
    assert contact.email == "mailto:opendata@kalamata.gr"
    assert contact.name["en"] == "Open Data Office"
    part = high_value_triples(municipal_triples(_only(published), BASE))
    assert _violations(_check(part, "hvd")) == []
    with pytest.raises(UsageError, match="not an e-mail"):
        set_contact(published, BASE, "4401", name={"el": "Γραφείο", "en": "Office"}, email="nobody")


def test_catalog_command_prints_the_catalogue_and_sets_terms(
    published: OxigraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "copy"
    published.close()
    shutil.copytree(tmp_path / "store", path)
    runner = CliRunner()
    common = ["--store", str(path), "--base-uri", BASE]
    result = runner.invoke(cli, ["catalog", "--municipality", "4401", "--format", "nt", *common])
    assert result.exit_code == 0, result.output
    store = ox.Store()
    store.load(result.stdout.encode(), format=ox.RdfFormat.N_TRIPLES)
    assert bool(store.query(f"ASK {{ <{v.dataset_iri(BASE, '4401', 'budget-expense')}> ?p ?o }}"))
    result = runner.invoke(
        cli, ["catalog", "terms", "4401", "budget-expense", "--licence", "CC0", *common]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["catalog", "terms", "4401", "budget-expense", "--licence", "NOPE", *common]
    )
    assert result.exit_code == 2 and "open licences" in result.output
    result = runner.invoke(cli, ["catalog", "--municipality", "99", *common])
    assert result.exit_code == 2


def test_turtle_groups_each_subject(kalamata: Catalogue) -> None:
    text = serialise(municipal_triples(kalamata, BASE), "ttl").decode()
    dataset = kalamata.datasets[0].iri
    assert text.count(f"<{dataset}> a ") + text.count(f"<{dataset}> a\n") == 1
    assert text.count(f"\n<{dataset}> ") == 1


def test_a_dataset_iri_dereferences_to_its_description(
    demo_client: FlaskClient, kalamata: Catalogue
) -> None:
    """A yearly dataset has no record of its own in the store (its years have), yet its IRI
    dereferences, in every format and as a page, to what the catalogue says of it."""
    yearly = next(d for d in kalamata.datasets if d.periods)
    path = urlsplit(yearly.iri).path
    turtle = demo_client.get(path, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.mimetype == "text/turtle"
    store = ox.Store()
    store.load(turtle.data, format=ox.RdfFormat.TURTLE)
    described = [q.triple for q in store]
    assert _subjects_of(described, v.DCAT + "Dataset") == {yearly.iri}
    assert _subjects_of(described, v.DCAT + "Distribution") == {d.iri for d in yearly.distributions}
    assert demo_client.get(f"{path}.nt").mimetype == "application/n-triples"
    for lang in ("el", "en"):
        page = demo_client.get(f"{path}?lang={lang}", headers={"Accept": "text/html"})
        assert page.status_code == 200 and yearly.title[lang] in page.get_data(as_text=True)
    # A year's own record is still described, and a dataset nobody published is not.
    record = f"{path}/{yearly.periods[0]}"
    assert demo_client.get(record, headers={"Accept": "text/turtle"}).status_code == 200
    assert demo_client.get(f"{path}-none", headers={"Accept": "text/turtle"}).status_code == 404


#: The code lists a harvester's validator has too: the EU authority tables demoi copies.
EU_TABLES = {
    "languages",
    "frequencies",
    "access-rights",
    "countries",
    "publisher-types",
    "planned-availability",
    "file-types",
    "data-themes",
    "hvd-categories",
    "licences",
}


def test_catalogue_conforms_for_a_validator_with_only_the_eu_tables(
    kalamata: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the catalogue conformed only with demoi's own code lists as background (218
    violations without them: charging concepts, profiles, municipalities, media types, the ELI
    untyped). It now states those classes itself."""
    from demoi.resources import standards_path

    eu_only = ox.Store()
    for path in sorted((standards_path("ontologies") / "codelists").glob("*.ttl")):
        if path.stem in EU_TABLES:
            eu_only.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    monkeypatch.setattr(profiles, "_background_store", lambda: eu_only)
    profiles.background_subjects.cache_clear()
    try:
        triples = municipal_triples(kalamata, BASE)
        assert _violations(_check(triples, "dcat-ap")) == []
        assert _violations(_check(high_value_triples(triples), "hvd")) == []
    finally:
        profiles.background_subjects.cache_clear()


# --- regressions from the review ---------------------------------------------------------------

CATALOGUE_4401 = f"{BASE}graph/4401/catalogue"


def test_terms_in_another_graph_named_catalogue_are_ignored(published: OxigraphStore) -> None:
    """A 4401 token may write graph/4401/x/catalogue: terms there set another municipality's
    (or its own) licence, past the checks of demoi catalog terms, and planted links."""
    forged = f"""
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX cat: <https://w3id.org/demoi/def/catalogue#>
INSERT DATA {{
  GRAPH <{BASE}graph/4401/x/catalogue> {{
    <{BASE}id/terms/4401/x/evil> dcterms:relation <{BASE}id/dataset/4401/budget-expense> ;
        dcterms:license <javascript:alert(1)//> ;
        cat:chargingCategory <{v.CHARGING}marginal-cost> }}
  GRAPH <{CATALOGUE_4401}> {{
    <{BASE}id/terms/4401/other> dcterms:relation <{BASE}id/dataset/0701/budget-expense> ;
        dcterms:license <{v.LICENCE}CC0> }}
}}"""
    published.update(forged)
    budget = next(d for d in _only(published).datasets if d.dataset_id == "budget-expense")
    assert budget.terms.licence == v.DEFAULT_LICENCE and budget.terms.charging == v.FREE


def test_a_record_of_a_code_outside_the_code_list_does_not_break_the_catalogue(
    published: OxigraphStore,
) -> None:
    published.update(
        f"""
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA {{ GRAPH <{BASE}graph/4401/x/catalogue> {{
  <{BASE}id/dataset/forged> a dcat:Dataset ; dcterms:relation <{BASE}graph/4401/x/catalogue> ;
      demoi:municipality <https://w3id.org/demoi/code/municipality/4401/x> ;
      demoi:functionalArea <https://w3id.org/demoi/code/functional-area/finance> ;
      dcterms:modified "2026-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> }} }}"""
    )
    assert [c.municipality.code for c in read_catalogues(published, BASE)] == ["4401"]


def test_a_graph_dropped_by_an_update_leaves_the_catalogue(published: OxigraphStore) -> None:
    published.update(f"DROP GRAPH <{BASE}graph/4401/budget-expense/2024>")
    assert "budget-expense" not in {d.dataset_id for d in _only(published).datasets}


def test_a_dataset_id_names_one_area(published: OxigraphStore) -> None:
    lifted = _budget(dataset="waste-quantities")
    with pytest.raises(UsageError, match="already publishes a dataset 'waste-quantities'"):
        publish_lifted(published, lifted, base_uri=BASE)


def test_modified_follows_the_terms_and_compares_as_moments(published: OxigraphStore) -> None:
    from demoi.dcat.model import instant

    before = _only(published)
    budget = next(d for d in before.datasets if d.dataset_id == "budget-expense")
    latest = max(d.modified for d in before.datasets)
    set_terms(published, BASE, "4401", "budget-expense", licence="CC0")
    after = next(d for d in _only(published).datasets if d.dataset_id == "budget-expense")
    # Set within the same second as the lift, the time may be equal: it never goes back.
    assert after.terms.modified is not None
    assert instant(after.modified) == max(instant(budget.modified), instant(after.terms.modified))
    changed = catalogue_triples([_only(published)], platform=PLATFORM, code="4401", since=latest)
    assert after.iri in _subjects_of(changed, v.DCAT + "Dataset")
    # The same moment written with another offset.
    shifted = instant(budget.modified).astimezone(timezone(timedelta(hours=2))).isoformat()
    again = catalogue_triples([_only(published)], platform=PLATFORM, code="4401", since=shifted)
    assert budget.iri in _subjects_of(again, v.DCAT + "Dataset")
    with pytest.raises(UsageError, match="ISO 8601"):
        catalogue_triples([_only(published)], platform=PLATFORM, code="4401", since="zzz")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"email": "giorgos.papadopoulos@gmail.com"}, "a person's address"),
        ({"email": "opendata@x{y}.gr"}, "cannot be written as an IRI"),
        ({"url": "https://x.gr/{a}"}, "cannot be written as an IRI"),
        ({"name": {"el": "Γραφείο\x01", "en": "Office"}}, "control character"),
        ({"name": {"el": "Γεώργιος Παπαδόπουλος", "en": "Office"}}, "office's name alone"),
        (
            {
                "name": {
                    "el": "Τμήμα Ανοικτών Δεδομένων, υπεύθυνη Μαρία Κωνσταντίνου",
                    "en": "Office",
                }
            },
            "office's name alone",
        ),
    ],
)
def test_contact_refusals_are_usage_errors(
    published: OxigraphStore, arguments: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"name": {"el": "Γραφείο", "en": "Office"}, **arguments}
    with pytest.raises(UsageError, match=message):
        set_contact(published, BASE, "4401", **values)  # type: ignore[arg-type]


def test_terms_with_personal_data_in_the_basis_are_refused(published: OxigraphStore) -> None:
    from demoi.privacy.gate import PersonalDataFound

    basis = {"el": "Πληροφορίες στο 6971234567", "en": "Call 6971234567"}
    with pytest.raises(PersonalDataFound):
        set_terms(published, BASE, "4401", "budget-expense", charging="marginal-cost", basis=basis)
    with pytest.raises(UsageError, match="goes with --charging"):
        set_terms(published, BASE, "4401", "budget-expense", licence="CC0", basis=basis)


@pytest.mark.parametrize("parameter", ["page=%C2%B2", "page=1&page_size=%C2%B2"])
def test_a_page_number_in_other_digits_is_a_400(demo_client: FlaskClient, parameter: str) -> None:
    assert demo_client.get(f"/catalog?{parameter}&format=ttl").status_code == 400


def test_page_links_ignore_the_host_header(demo_client: FlaskClient) -> None:
    response = demo_client.get(
        "/catalog/4401?page=1&page_size=5&format=nt", headers={"Host": "evil.example"}
    )
    assert b"evil.example" not in response.data
    assert f"<{BASE}catalog/4401?page=2&page_size=5>".encode() in response.data


def test_the_html_catalogue_varies_by_accept(demo_client: FlaskClient) -> None:
    response = demo_client.get("/catalog", headers={"Accept": "text/html"})
    assert "Accept" in response.headers["Vary"] and "Accept-Language" in response.headers["Vary"]


def test_a_dataset_with_a_record_has_one_title_per_language(
    demo_client: FlaskClient, kalamata: Catalogue
) -> None:
    """Regression: the record and the catalogue both described the IRI of a dataset without
    periods, with two titles per language and two periods of time."""
    single = next(d for d in kalamata.datasets if not d.periods and d.temporal)
    response = demo_client.get(urlsplit(single.iri).path, headers={"Accept": "text/turtle"})
    store = ox.Store()
    store.load(response.data, format=ox.RdfFormat.TURTLE)
    subject = ox.NamedNode(single.iri)
    titles = [q.object for q in store.quads_for_pattern(subject, v.dcterms("title"), None)]
    assert sorted(t.language for t in titles if isinstance(t, ox.Literal)) == ["el", "en"]
    assert len(list(store.quads_for_pattern(subject, v.dcterms("temporal"), None))) == 1


def test_catalogue_graphs_are_not_loaded_or_dropped_by_hand(
    published: OxigraphStore, tmp_path: Path
) -> None:
    published.close()
    runner = CliRunner()
    common = ["--store", str(tmp_path / "store"), "--base-uri", BASE]
    data = tmp_path / "x.nt"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n")
    for arguments in (["load", str(data), "--graph", CATALOGUE_4401], ["drop", CATALOGUE_4401]):
        result = runner.invoke(cli, [*arguments, *common])
        assert result.exit_code == 2 and "catalogue graph" in result.output
    result = runner.invoke(cli, ["catalog", "--store", str(tmp_path / "store"), "hvd"])
    assert result.exit_code == 2 and "after the subcommand" in result.output


def test_a_graph_a_token_drops_leaves_the_catalogue_and_the_inventory(
    published: OxigraphStore, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    """Regression: a SPARQL DROP left the catalogue record, so the catalogue listed a dataset
    whose dumps answered 404, and the inventory counted it as published."""
    from demoi import tokens

    published.close()
    tokens_path = tmp_path / "tokens.json"
    _, secret = tokens.create(tokens_path, "4401")
    app = make_app(STORE=str(tmp_path / "store"), BASE_URI=BASE, TOKENS=str(tokens_path))
    graph = f"{BASE}graph/4401/budget-expense/2024"
    answer = app.test_client().post(
        "/sparql",
        data=f"DROP GRAPH <{graph}>".encode(),
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert answer.status_code == 200, answer.json
    records = list(app_store(app).quads(CATALOGUE_4401))
    assert not any(q.object == ox.NamedNode(graph) for q in records)
    page = app.test_client().get("/inventory?format=json").get_json()
    assert "budget-expense" not in str(page)


@pytest.mark.parametrize(
    ("name", "office"),
    [
        ("Τμήμα Ηλεκτρονικής Διακυβέρνησης", True),
        ("Διεύθυνση Οικονομικών Υπηρεσιών - Δήμος Καλαμάτας", True),
        ("Department of IT", True),
        ("ΔΕΥΑ Καλαμάτας", True),
        ("Γιάννης Παπαδόπουλος", False),
        ("Γιάννης Παπαδόπουλος, Τμήμα Πληροφορικής", False),
        ("Τμήμα Πληροφορικής & Γιάννης Παπαδόπουλος", False),
        ("Τμήμα Πληροφορικής και Γιάννης Παπαδόπουλος", False),
        ("Department of IT and John Smith", False),
        ("Τμήμα Πληροφορικής · Γιάννης Παπαδόπουλος", False),
        ("Γιάννης Παπαδόπουλος-Τμήμα Πληροφορικής", False),
        ("Τμήμα Πληροφορικής\nΓιάννης Παπαδόπουλος", False),
        ("John Smith (customer service)", False),
    ],
)
def test_an_office_name_alone_is_a_contact_point_name(name: str, office: bool) -> None:
    """Regression: a person's name joined to a unit's by &, και, and, · or a newline passed
    as an office's name in the CKAN harvest, and any name in demoi catalog contact."""
    from demoi.privacy.detect import is_office_name

    assert is_office_name(name) is office


# --- regressions from the re-review ------------------------------------------------------------


def _served(
    published: OxigraphStore, tmp_path: Path, make_app: Callable[..., Flask], scope: str
) -> tuple[Flask, str]:
    from demoi import tokens

    published.close()
    tokens_path = tmp_path / "tokens.json"
    _, secret = tokens.create(tokens_path, scope)
    app = make_app(STORE=str(tmp_path / "store"), BASE_URI=BASE, TOKENS=str(tokens_path))
    return app, secret


def _update(app: Flask, secret: str, update: str) -> int:
    answer = app.test_client().post(
        "/sparql",
        data=update.encode(),
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {secret}"},
    )
    return int(answer.status_code)


def test_a_dataset_page_reads_only_its_municipalitys_graphs(
    published: OxigraphStore, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    """Another municipality's token wrote a title and a licence about 4401's dataset into its
    own graph; the dataset's page showed them."""
    app, secret = _served(published, tmp_path, make_app, "7101")
    dataset = v.dataset_iri(BASE, "4401", "budget-expense")
    forged = (
        f'INSERT DATA {{ GRAPH <{BASE}graph/7101/y> {{ <{dataset}> <{v.DCTERMS}title> "ΑΠΑΤΗ"@el ; '
        f"<{v.DCTERMS}license> <javascript:alert(1)> }} }}"
    )
    assert _update(app, secret, forged) == 200
    client = app.test_client()
    path = urlsplit(dataset).path
    assert b"javascript:" not in client.get(path, headers={"Accept": "text/turtle"}).data
    page = client.get(f"{path}?lang=el", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "ΑΠΑΤΗ" not in page and "Εκτέλεση προϋπολογισμού: έξοδα" in page


def test_an_admin_token_cannot_write_a_catalogue_graph(
    published: OxigraphStore, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    from demoi.tokens import ADMIN

    app, secret = _served(published, tmp_path, make_app, ADMIN)
    insert = f"INSERT DATA {{ GRAPH <{CATALOGUE_4401}> {{ <urn:a> <urn:b> <urn:c> }} }}"
    assert _update(app, secret, insert) == 403
    put = app.test_client().put(
        f"/graph-store?graph={CATALOGUE_4401}",
        data=b"<urn:a> <urn:b> <urn:c> .",
        content_type="text/turtle",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert put.status_code == 403
    assert len(read_catalogues(app_store(app), BASE, "4401")[0].datasets) == 2


def test_an_empty_put_unpublishes_the_graph(
    published: OxigraphStore, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    app, secret = _served(published, tmp_path, make_app, "4401")
    graph = f"{BASE}graph/4401/budget-expense/2024"
    put = app.test_client().put(
        f"/graph-store?graph={graph}",
        data=b"",
        content_type="text/turtle",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert put.status_code in (200, 204)
    datasets = read_catalogues(app_store(app), BASE, "4401")[0].datasets
    assert "budget-expense" not in {d.dataset_id for d in datasets}
    assert not any(q.object == ox.NamedNode(graph) for q in app_store(app).quads(CATALOGUE_4401))


def test_record_removed_touches_only_the_municipalitys_catalogue_graph() -> None:
    from demoi.catalogue import record_removed

    update = record_removed(f"{BASE}graph/4401/budget-expense/2024")
    assert f"GRAPH <{CATALOGUE_4401}>" in update and "?catalogue" not in update
    assert record_removed(f"{BASE}graph/standards/x") == ""


def test_a_new_contact_point_counts_as_a_change_of_every_dataset(
    published: OxigraphStore,
) -> None:
    from demoi.dcat.model import instant

    latest = max(instant(d.modified) for d in _only(published).datasets)
    set_contact(published, BASE, "4401", name={"el": "Γραφείο", "en": "Office"})
    since = latest.isoformat()
    changed = catalogue_triples([_only(published)], platform=PLATFORM, code="4401", since=since)
    assert _subjects_of(changed, v.DCAT + "Dataset") == {d.iri for d in _only(published).datasets}


def test_a_dataset_id_holds_one_kind_of_data(published: OxigraphStore) -> None:
    """Revenue lifted as --dataset budget-expense replaced a year of expenditure."""
    lifted = lift_example_file(
        "budget/4401-2024-revenue.utf16.csv",
        "budget-revenue",
        "4401",
        BASE,
        {"year": "2024"},
        dataset="budget-expense",
    )
    with pytest.raises(UsageError, match="publishes 'budget-expense' from budget-expense data"):
        publish_lifted(published, lifted, base_uri=BASE)
