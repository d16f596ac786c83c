"""The HVD compliance report (demoi.dcat.hvd): the rules the mapping descriptors give, the report
on the demo store and on a store of our own whose terms and contact point the tests change, the
EU DCAT-AP HVD shapes on the demo's high-value part, /catalog/hvd and `demoi catalog hvd`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner, Result
from flask import Flask
from flask.testing import FlaskClient

from conftest import DEMO_BASE, EXAMPLES, REPO
from demoi import conformance, profiles
from demoi.catalogue import catalogue_graph
from demoi.cli import cli
from demoi.dcat import hvd
from demoi.dcat import vocabulary as v
from demoi.dcat.export import high_value_triples, municipal_triples
from demoi.dcat.hvd_command import hvd_command
from demoi.dcat.model import mappings_by_name, read_catalogues
from demoi.dcat.terms import set_contact
from demoi.errors import DataError
from demoi.server import app_store, hvd_page
from demoi.store import OxigraphStore
from demoi.store.sparql_text import insert_data

EXPECTED = {"air-quality", "waste-quantities", "public-transport", "population-census"}
HVD_MAPPINGS = sorted(name for name, m in mappings_by_name().items() if m.hvd_categories)


# --- the rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HVD_MAPPINGS)
def test_every_rule_names_real_hvd_concepts_under_a_regulation_category(name: str) -> None:
    mapping = mappings_by_name()[name]
    known = hvd.categories()
    for notation in mapping.hvd_categories:
        assert notation in known, f"{name}: {notation} is not in hvd-categories.ttl"
        assert known[notation].top in hvd.REGULATION_CATEGORIES
        assert known[notation].label["el"] and known[notation].label["en"]


def test_the_expected_high_value_datasets_are_the_four_the_descriptors_mark() -> None:
    assert {rule.dataset for rule in hvd.expected_datasets()} == EXPECTED
    assert {rule.mapping for rule in hvd.rules()} == set(HVD_MAPPINGS)
    assert HVD_MAPPINGS == [
        "air-quality-daily",
        "gtfs-stops-routes",
        "population-census",
        "waste-quantities",
    ]


def test_the_six_regulation_categories_are_the_code_lists_top_concepts() -> None:
    graph = rdflib.Graph().parse(REPO / "ontologies" / "codelists" / "hvd-categories.ttl")
    tops = {
        str(o).removeprefix(v.HVD_CATEGORY) for o in graph.objects(None, rdflib.SKOS.hasTopConcept)
    }
    assert tops == set(hvd.REGULATION_CATEGORIES)
    assert [c.label["en"] for c in hvd.regulation_categories()] == [
        "Geospatial",
        "Earth observation and environment",
        "Meteorological",
        "Statistics",
        "Companies and company ownership",
        "Mobility",
    ]


def test_an_unknown_category_in_a_descriptor_names_the_mapping() -> None:
    with pytest.raises(DataError, match="mapping waste-quantities.*c_00000000"):
        hvd.category("c_00000000", "waste-quantities")


# --- the report on the demo store --------------------------------------------------------------


@pytest.fixture(scope="module")
def hvd_demo_app(demo_app: Flask) -> Flask:
    # create_app registers hvd_page.bp once the lead wires it; until then the tests do.
    if "hvd_page" not in demo_app.blueprints:
        demo_app.register_blueprint(hvd_page.bp)
    return demo_app


@pytest.fixture
def hvd_client(hvd_demo_app: Flask) -> FlaskClient:
    return hvd_demo_app.test_client()


def test_the_demo_publishes_the_four_but_without_a_contact_e_mail(hvd_demo_app: Flask) -> None:
    found = hvd.report(app_store(hvd_demo_app), DEMO_BASE, "4401")
    (kalamata,) = found.municipalities
    assert {d.dataset: d.status for d in kalamata.datasets} == dict.fromkeys(
        EXPECTED, hvd.INCOMPLETE
    )
    for dataset in kalamata.datasets:
        (finding,) = dataset.findings
        assert finding.check == "contact-email"
        assert finding.field == "dcat:contactPoint/vcard:hasEmail"
        assert finding.fix["en"].startswith("set the contact e-mail")
        assert (
            'demoi catalog contact 4401 --email ADDRESS --name-el "Δήμος Καλαμάτας"'
            in (finding.fix["el"])
        )
    assert found.exit_code == hvd.NOT_COMPLETE
    assert not found.eu_shapes_run


def test_the_demo_counts_datasets_per_regulation_category_with_gaps(hvd_demo_app: Flask) -> None:
    (kalamata,) = hvd.report(app_store(hvd_demo_app), DEMO_BASE, "4401").municipalities
    counts = {c.category.label["en"]: (c.published, c.gap) for c in kalamata.categories}
    assert counts == {
        "Geospatial": (0, True),
        "Earth observation and environment": (2, False),
        "Meteorological": (0, True),
        "Statistics": (1, False),
        "Companies and company ownership": (0, True),
        "Mobility": (1, False),
    }


def test_a_municipality_without_data_misses_every_high_value_dataset(
    hvd_demo_app: Flask,
) -> None:
    found = hvd.report(app_store(hvd_demo_app), DEMO_BASE, "7101")
    (heraklion,) = found.municipalities
    assert {d.dataset: d.status for d in heraklion.datasets} == dict.fromkeys(EXPECTED, hvd.MISSING)
    waste = next(d for d in heraklion.datasets if d.dataset == "waste-quantities")
    assert (
        "demoi lift FILE --mapping waste-quantities --municipality 7101"
        in waste.findings[0].fix["en"]
    )
    assert all(count.gap for count in heraklion.categories)
    assert [c.expected for c in heraklion.categories] == [0, 2, 0, 1, 0, 1]
    # Titled as the catalogue titles a published dataset: the descriptor's short title.
    titles = {d.dataset: d.title for d in heraklion.datasets}
    assert titles == {
        rule.dataset: mappings_by_name()[rule.mapping].title for rule in hvd.expected_datasets()
    }


def test_without_a_code_the_report_covers_the_municipalities_with_data(
    hvd_demo_app: Flask,
) -> None:
    found = hvd.report(app_store(hvd_demo_app), DEMO_BASE)
    assert [m.municipality.code for m in found.municipalities] == ["4401"]


def test_the_text_report_says_the_eu_shapes_were_not_run(hvd_demo_app: Flask) -> None:
    found = hvd.report(app_store(hvd_demo_app), DEMO_BASE, "4401")
    english, greek = found.as_text("en"), found.as_text("el")
    assert "EU DCAT-AP HVD 3.0.0 SHACL shapes were not run" in english
    assert "4 expected: 0 present, 4 incomplete, 0 missing" in english
    assert "Geospatial                         0 / 0  (gap)" in english
    assert "δεν εκτελέστηκαν" in greek
    assert "ελλιπές" in greek and "Γεωσκόπηση και περιβάλλον / Αέρας" in greek


def test_the_eu_hvd_shapes_find_no_violation_in_the_demo(
    hvd_demo_app: Flask, shared_data: Path
) -> None:
    eu = str(shared_data / "dcat-ap-shacl")
    store = app_store(hvd_demo_app)
    (catalogue,) = read_catalogues(store, DEMO_BASE, "4401")
    triples = high_value_triples(municipal_triples(catalogue, DEMO_BASE))
    outcome = conformance.check_triples(triples, profiles.load("hvd", eu_shapes_dir=eu))
    assert outcome.counts["Violation"] == 0, [r.message("en") for r in outcome.results]
    found = hvd.report(store, DEMO_BASE, "4401", eu_shapes_dir=eu)
    assert found.eu_shapes_run
    (kalamata,) = found.municipalities
    assert not kalamata.findings
    for dataset in kalamata.datasets:
        assert [f.check for f in dataset.findings] == ["contact-email"]
        # The expected vocabulary warnings (the municipality as place and as publisher, the
        # functional area as a theme: docs/catalogue.md).
        expected = {"dct:publisher", "dct:spatial", "dcat:theme"}
        assert {note.field for note in dataset.notes} <= expected, [
            (note.field, note.focus, note.problem["en"]) for note in dataset.notes
        ]
    assert "were run with demoi's own checks" in found.as_text("en")


def test_a_shacl_violation_on_a_distribution_makes_its_dataset_incomplete(
    hvd_demo_app: Flask,
) -> None:
    shapes = rdflib.Graph().parse(
        data="""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
<urn:test:byte-size> a sh:NodeShape ; sh:targetClass dcat:Distribution ;
  sh:property [ sh:path dcat:byteSize ; sh:minCount 1 ; sh:message "no byte size"@en ] .
""",
        format="turtle",
    )
    (catalogue,) = read_catalogues(app_store(hvd_demo_app), DEMO_BASE, "4401")
    found = hvd.municipality_report(catalogue, DEMO_BASE, [profiles.custom(shapes, "test")])
    for dataset in found.datasets:
        shacl = [f for f in dataset.findings if f.check == "shacl"]
        own = {v.distribution_iri(DEMO_BASE, "4401", dataset.dataset, "ttl")}
        assert own <= {f.focus for f in shacl}
        assert all(f"/{dataset.dataset}/" in f.focus for f in shacl)
        assert {f.field for f in shacl} == {"dcat:byteSize"}
        assert dataset.status == hvd.INCOMPLETE


# --- a store of our own: all four published, then terms and contact changed --------------------

BASE = "http://demoi.test/"
LIFTS = (
    ("environment/4401-waste.xlsx", "waste-quantities", "--year", "2024", "--sheet", "2024"),
    ("mobility/4401-kalamata-urban-gtfs.zip", "gtfs-stops-routes"),
    ("statistics/elstat-2021-population.cp1253.csv", "population-census"),
    ("environment/0701-air-quality.xlsx", "air-quality-daily"),
)


def run(*args: str) -> Result:
    if "hvd" not in cli.commands["catalog"].commands:  # type: ignore[attr-defined]
        # The lead attaches it in cli.py; until then the tests do.
        cli.commands["catalog"].add_command(hvd_command)  # type: ignore[attr-defined]
    return CliRunner().invoke(cli, list(args), env={"DEMOI_BASE_URI": BASE})


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kalamata's four high-value datasets, lifted from the examples, with a contact e-mail."""
    path = tmp_path_factory.mktemp("hvd") / "store"
    for source, mapping, *options in LIFTS:
        lifted = run(
            "lift", str(EXAMPLES / source), "--mapping", mapping, "--municipality", "4401",
            "--store", str(path), *options,
        )  # fmt: skip
        assert lifted.exit_code == 0, lifted.output
    store = OxigraphStore(path)
    try:
        set_contact(
            store,
            BASE,
            "4401",
            name={"el": "Δήμος Καλαμάτας", "en": "Municipality of Kalamata"},
            email="opendata@kalamata.gr",
        )
    finally:
        store.close()
    return path


@pytest.fixture
def own_store(published: Path, tmp_path: Path) -> Iterator[OxigraphStore]:
    """A copy of ``published`` that a test may change."""
    path = tmp_path / "store"
    shutil.copytree(published, path)
    store = OxigraphStore(path)
    yield store
    store.close()


def terms_quads(target: str, node: str, licence: str, charging: str) -> list[ox.Quad]:
    """A terms node as demoi.dcat.terms writes it; written directly because set_terms refuses
    these terms for a high-value dataset, as a store written before its mapping became
    high-value may still hold them."""
    graph = ox.NamedNode(catalogue_graph(BASE, "4401"))
    subject = ox.NamedNode(node)
    return [
        ox.Quad(subject, v.dcterms("relation"), ox.NamedNode(target), graph),
        ox.Quad(subject, v.dcterms("license"), ox.NamedNode(v.LICENCE + licence), graph),
        ox.Quad(
            subject, ox.NamedNode(v.CAT + "chargingCategory"), ox.NamedNode(v.CHARGING + charging),
            graph,
        ),
    ]  # fmt: skip


def test_every_high_value_dataset_present_with_complete_metadata(
    own_store: OxigraphStore,
) -> None:
    found = hvd.report(own_store, BASE, "4401")
    (kalamata,) = found.municipalities
    assert {d.dataset: d.status for d in kalamata.datasets} == dict.fromkeys(EXPECTED, hvd.PRESENT)
    assert all(not d.findings for d in kalamata.datasets)
    assert found.complete and found.exit_code == hvd.COMPLETE


def test_terms_that_are_not_open_nor_free_make_the_dataset_incomplete(
    own_store: OxigraphStore,
) -> None:
    dataset = v.dataset_iri(BASE, "4401", "waste-quantities")
    csv = v.distribution_iri(BASE, "4401", "waste-quantities", "csv")
    own_store.update(
        insert_data(
            [
                *terms_quads(dataset, v.terms_iri(BASE, "4401", "waste-quantities"),
                             "CC_BYSA_4_0", "free"),
                *terms_quads(csv, v.terms_iri(BASE, "4401", "waste-quantities", "csv"),
                             "CC_BYSA_4_0", "marginal-cost"),
            ]
        )
    )  # fmt: skip
    (kalamata,) = hvd.report(own_store, BASE, "4401").municipalities
    statuses = {d.dataset: d for d in kalamata.datasets}
    waste = statuses.pop("waste-quantities")
    assert waste.status == hvd.INCOMPLETE
    assert {d.status for d in statuses.values()} == {hvd.PRESENT}
    by_check = {f.check: f for f in waste.findings}
    assert set(by_check) == {"licence", "charging"}
    assert "CC_BYSA_4_0" in by_check["licence"].problem["en"]
    assert (
        by_check["licence"]
        .fix["en"]
        .endswith("demoi catalog terms 4401 waste-quantities --licence CC_BY_4_0")
    )
    assert "art. 3" in by_check["charging"].problem["en"]
    assert "marginal-cost" in by_check["charging"].problem["el"]
    assert (
        by_check["charging"]
        .fix["en"]
        .endswith("demoi catalog terms 4401 waste-quantities --charging free --distribution csv")
    )


def test_a_contact_without_e_mail_is_named_as_the_missing_field(
    own_store: OxigraphStore,
) -> None:
    set_contact(own_store, BASE, "4401", name={"el": "Τμήμα Πληροφορικής", "en": "IT department"})
    (kalamata,) = hvd.report(own_store, BASE, "4401").municipalities
    for dataset in kalamata.datasets:
        (finding,) = dataset.findings
        assert finding.field == "dcat:contactPoint/vcard:hasEmail"
        assert finding.focus == v.contact_iri(BASE, "4401")
        assert '--name-el "Τμήμα Πληροφορικής" --name-en "IT department"' in finding.fix["en"]


# --- the command -------------------------------------------------------------------------------


def test_command_exits_0_when_every_high_value_dataset_is_complete(published: Path) -> None:
    result = run("catalog", "hvd", "--municipality", "4401", "--store", str(published), "--lang",
                 "en")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 expected: 4 present, 0 incomplete, 0 missing" in result.output


def test_command_exits_1_when_a_dataset_is_missing_and_writes_json(published: Path) -> None:
    result = run("catalog", "hvd", "--municipality", "7101", "--store", str(published),
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 1, result.output
    body = json.loads(result.output)
    (heraklion,) = body["municipalities"]
    assert heraklion["summary"] == {
        "expected": 4, "present": 0, "incomplete": 0, "missing": 4, "extra": 0
    }  # fmt: skip
    assert body["eu_shapes"]["run"] is False
    assert body["regulation"] == v.HVD_REGULATION
    assert {rule["mapping"] for rule in body["rules"]} == set(HVD_MAPPINGS)


def test_command_runs_the_eu_shapes_when_the_setting_names_them(
    published: Path, shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMOI_EU_SHAPES_DIR", str(shared_data / "dcat-ap-shacl"))
    result = run("catalog", "hvd", "--store", str(published), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["eu_shapes"]["run"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--municipality", "9999"), "'9999' is not a municipality code"),
        (("--store", "/nonexistent/store"), "no store there"),
        (("--format", "xml"), "Invalid value for '--format'"),
    ],
)
def test_command_usage_errors_exit_2(published: Path, args: tuple[str, ...], message: str) -> None:
    result = run("catalog", "hvd", "--store", str(published), *args)
    assert result.exit_code == 2
    assert message in result.output


# --- /catalog/hvd ------------------------------------------------------------------------------


def test_catalog_hvd_is_the_report_not_a_municipality_code(hvd_client: FlaskClient) -> None:
    # /catalog/<code> (the catalogue page) would take "hvd" for a code if it matched first.
    response = hvd_client.get("/catalog/hvd?lang=en")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>High-value datasets</h1>" in page
    assert 'href="/catalog/hvd/4401?lang=en"' in page
    assert '<tr data-code="4401">' in page
    assert "<code>gtfs-stops-routes</code>" in page  # the rules table
    assert response.headers["Vary"] == "Accept, Accept-Language"


def test_a_municipalitys_report_as_html(hvd_client: FlaskClient) -> None:
    page = hvd_client.get("/catalog/hvd/4401?lang=el").get_data(as_text=True)
    for dataset in EXPECTED:
        assert f'<tr id="{dataset}" data-status="incomplete" data-extra="false">' in page
    assert "demoi catalog contact 4401 --email ADDRESS" in page
    assert '<tr data-category="c_ac64a52d" data-gap="true">' in page
    assert "Γεωχωρικές πληροφορίες" in page
    assert 'id="eu-shapes" data-run="false"' in page


@pytest.mark.parametrize(
    ("url", "accept", "media_type"),
    [
        ("/catalog/hvd", "application/json", "application/json"),
        ("/catalog/hvd", "text/html", "text/html"),
        ("/catalog/hvd", None, "text/html"),
        ("/catalog/hvd?format=json", "text/html", "application/json"),
        ("/catalog/hvd/4401", "application/json;q=0.9, text/html;q=0.5", "application/json"),
        ("/catalog/hvd/4401?format=html", "application/json", "text/html"),
    ],
)
def test_content_negotiation(
    hvd_client: FlaskClient, url: str, accept: str | None, media_type: str
) -> None:
    response = hvd_client.get(url, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_json_of_one_municipality(hvd_client: FlaskClient) -> None:
    body = hvd_client.get("/catalog/hvd/4401?format=json").get_json()
    (kalamata,) = body["municipalities"]
    assert kalamata["code"] == "4401"
    assert kalamata["summary"] == {
        "expected": 4, "present": 0, "incomplete": 4, "missing": 0, "extra": 0
    }  # fmt: skip
    assert {d["dataset"] for d in kalamata["datasets"]} == EXPECTED
    finding = kalamata["datasets"][0]["findings"][0]
    assert set(finding) == {"check", "severity", "field", "focus", "problem", "fix"}
    assert set(finding["fix"]) == {"el", "en"}


@pytest.mark.parametrize(
    ("url", "accept", "status", "code"),
    [
        ("/catalog/hvd/9999", None, 404, "not-found"),
        ("/catalog/hvd/9999?format=html", "text/html", 404, "not-found"),
        ("/catalog/hvd?format=xml", None, 400, "usage-error"),
        ("/catalog/hvd/4401", "text/csv", 406, "not-acceptable"),
    ],
)
def test_errors_have_the_json_error_shape(
    hvd_client: FlaskClient, url: str, accept: str | None, status: int, code: str
) -> None:
    response = hvd_client.get(url, headers={"Accept": accept} if accept else {})
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["status"] == status and error["code"] == code and error["message"]


def test_both_languages_have_the_same_strings() -> None:
    assert set(hvd_page.TEXT["el"]) == set(hvd_page.TEXT["en"])
    assert set(hvd.TEXT["el"]) == set(hvd.TEXT["en"])


def test_the_page_follows_a_write_to_the_store(
    published: Path, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    path = tmp_path / "served"
    shutil.copytree(published, path)
    app = make_app(STORE=str(path), BASE_URI=BASE)
    if "hvd_page" not in app.blueprints:  # until create_app registers it
        app.register_blueprint(hvd_page.bp)
    client = app.test_client()

    def summary() -> dict[str, int]:
        body = client.get("/catalog/hvd/4401?format=json").get_json()
        counts: dict[str, int] = body["municipalities"][0]["summary"]
        return counts

    assert summary()["present"] == 4
    set_contact(app_store(app), BASE, "4401", name={"el": "Δήμος", "en": "Municipality"})
    assert summary() == {
        "expected": 4, "present": 0, "incomplete": 4, "missing": 0, "extra": 0
    }  # fmt: skip


def test_a_dataset_lifted_under_its_own_id_was_counted_as_expected(
    published: Path, tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    """`--dataset water-meter-readings` with a high-value mapping made "5 expected" and its
    category 3/3: it is present, extra, and the rules still expect four datasets."""
    path = tmp_path / "store"
    shutil.copytree(published, path)
    lifted = run(
        "lift", str(EXAMPLES / "environment/0701-air-quality.xlsx"), "--mapping",
        "air-quality-daily", "--municipality", "4401", "--dataset", "water-meter-readings",
        "--store", str(path),
    )  # fmt: skip
    assert lifted.exit_code == 0, lifted.output

    text = run("catalog", "hvd", "--municipality", "4401", "--store", str(path), "--lang", "en")
    assert text.exit_code == 0, text.output
    assert (
        "4 expected: 4 present, 0 incomplete, 0 missing; 1 extra (under another dataset id)"
    ) in text.output
    assert "  water-meter-readings present, extra [Earth observation and environment / Air]" in (
        text.output
    )
    assert "Earth observation and environment  2 / 2 (+1 extra)\n" in text.output

    body = json.loads(run("catalog", "hvd", "--store", str(path), "--format", "json").output)
    (kalamata,) = body["municipalities"]
    assert kalamata["summary"] == {
        "expected": 4, "present": 4, "incomplete": 0, "missing": 0, "extra": 1
    }  # fmt: skip
    extra = {d["dataset"]: d["extra"] for d in kalamata["datasets"]}
    assert extra == {**dict.fromkeys(EXPECTED, False), "water-meter-readings": True}
    environment = next(c for c in kalamata["categories"] if c["notation"] == "c_dd313021")
    assert (environment["published"], environment["expected"], environment["extra"]) == (2, 2, 1)

    app = make_app(STORE=str(path), BASE_URI=BASE)
    if "hvd_page" not in app.blueprints:  # until create_app registers it
        app.register_blueprint(hvd_page.bp)
    page = app.test_client().get("/catalog/hvd/4401?lang=en").get_data(as_text=True)
    assert '<tr id="water-meter-readings" data-status="present" data-extra="true">' in page
    assert "<td>2 (+1 extra)</td><td>2</td>" in page
    summary = app.test_client().get("/catalog/hvd?lang=en").get_data(as_text=True)
    row = summary.split('<tr data-code="4401">', 1)[1].split("</tr>", 1)[0]
    assert [cell.split(">")[-1] for cell in row.split("</td>")[:-1]] == ["4", "4", "0", "0", "1"]

    # An extra dataset is high-value in the catalogue harvesters read: incomplete, it makes the
    # report not complete, though every expected dataset is present.
    store = app_store(app)
    extra_iri = v.dataset_iri(BASE, "4401", "water-meter-readings")
    store.update(
        insert_data(
            terms_quads(
                extra_iri, v.terms_iri(BASE, "4401", "water-meter-readings"), "CC_BYSA_4_0", "free"
            )
        )
    )
    found = hvd.report(store, BASE, "4401")
    (kalamata_now,) = found.municipalities
    assert kalamata_now.count(hvd.PRESENT) == 4 and kalamata_now.count(hvd.INCOMPLETE) == 0
    (extra_now,) = kalamata_now.extra
    assert extra_now.status == hvd.INCOMPLETE and extra_now.label("el") == "ελλιπές, επιπλέον"
    assert found.exit_code == hvd.NOT_COMPLETE
