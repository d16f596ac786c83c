"""The slice end to end: budget-execution export -> mapping -> SHACL -> atomic publish -> query."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

import demoi
from conftest import EXAMPLES, edited_example
from demoi.errors import DataError, UsageError, ValidationFailed
from demoi.lifting import get_mapping, lift
from demoi.publishing import publish_lifted
from demoi.store import OxigraphStore

BASE = "http://demoi.test/"
BUDGET = EXAMPLES / "budget"
EXPENSE_ENCODINGS = ["utf16", "cp1253", "iso8859-7", "utf8"]
GRAPH = f"{BASE}graph/4401/budget-expense/2024"


def lift_example(
    name: str,
    *,
    mapping: str = "budget-expense",
    municipality: str = "4401",
    base_uri: str = BASE,
    folder: Path = BUDGET,
):  # type: ignore[no-untyped-def]
    return lift(
        folder / name,
        get_mapping(mapping),
        municipality=municipality,
        parameters={"year": "2024"},
        base_uri=base_uri,
    )


def as_graph(ntriples: bytes) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ntriples, format="nt")


def test_the_examples_are_really_in_their_encodings() -> None:
    utf16 = (BUDGET / "4401-2024-expense.utf16.csv").read_bytes()
    assert utf16.startswith(b"\xfe\xff")  # UTF-16 big-endian with its BOM
    cp1253 = (BUDGET / "4401-2024-expense.cp1253.csv").read_bytes()
    assert b"\xa2" in cp1253 or b"\xdc" in cp1253  # Ά or ά in Windows-1253
    with pytest.raises(UnicodeDecodeError):
        cp1253.decode("utf-8")
    assert utf16.decode("utf-16").splitlines()[0].endswith(";")


def test_the_encodings_give_isomorphic_graphs() -> None:
    graphs = {
        name: as_graph(lift_example(f"4401-2024-expense.{name}.csv").ntriples)
        for name in EXPENSE_ENCODINGS
    }
    reference = graphs["utf16"]
    assert len(reference) > 100
    for name, graph in graphs.items():
        assert isomorphic(graph, reference), f"{name} differs from utf16"


def test_greek_numbers_and_labels_arrive_intact() -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv")
    assert lifted.encoding == "utf-16"
    source = (BUDGET / "4401-2024-expense.utf16.csv").read_bytes()
    assert lifted.sha256 == __import__("hashlib").sha256(source).hexdigest()
    graph = as_graph(lifted.ntriples)
    fin = rdflib.Namespace("https://w3id.org/demoi/def/finance#")
    for amount in graph.objects(None, fin.paid):
        assert isinstance(amount, rdflib.Literal)
        assert amount.datatype == rdflib.XSD.decimal and amount.value >= 0
    labels = [label for label in graph.objects(None, rdflib.RDFS.label)]
    assert labels and all(label.language == "el" for label in labels)  # type: ignore[attr-defined]
    assert any(any(ch in str(label) for ch in "άέήίόύώΆ") for label in labels)
    municipality = rdflib.URIRef("https://w3id.org/demoi/code/municipality/4401")
    assert set(graph.objects(None, fin.municipality)) == {municipality}


def test_publish_then_query(store: OxigraphStore) -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv")
    published = publish_lifted(store, lifted, base_uri=BASE)
    assert published.graph == GRAPH
    assert published.triples == len(as_graph(lifted.ntriples))
    result = store.query(
        "PREFIX fin: <https://w3id.org/demoi/def/finance#> "
        "SELECT (SUM(?paid) AS ?total) WHERE { GRAPH ?g { ?line fin:paid ?paid } }"
    )
    assert float(result.rows[0][0].value) > 0  # type: ignore[union-attr]


def test_publication_is_recorded_with_prov(store: OxigraphStore) -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv")
    publish_lifted(store, lifted, base_uri=BASE)
    publish_lifted(store, lifted, base_uri=BASE)  # twice: one current activity, two in history
    prov = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dct: <http://purl.org/dc/terms/> "
    current = store.query(
        prov + f"SELECT ?a ?m WHERE {{ GRAPH <{BASE}graph/provenance> "
        f"{{ <{GRAPH}> prov:wasGeneratedBy ?a ; dct:modified ?m }} }}"
    )
    assert len(current.rows) == 1
    history = store.query(
        prov + f"SELECT ?a WHERE {{ ?a prov:generated <{GRAPH}> ; prov:used ?src ; "
        "prov:qualifiedAssociation/prov:hadPlan "
        "<https://w3id.org/demoi/mapping/budget-expense> }"
    )
    assert len(history.rows) == 2
    source = store.query(prov + "SELECT ?t WHERE { ?a prov:used ?s . ?s dct:title ?t }")
    assert {row[0].value for row in source.rows} == {"4401-2024-expense.utf16.csv"}  # type: ignore[union-attr]


def test_publication_records_mapping_version_release_count_and_validation(
    store: OxigraphStore,
) -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv")
    published = publish_lifted(store, lifted, base_uri=BASE)
    answer = store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX void: <http://rdfs.org/ns/void#> "
        "PREFIX sh: <http://www.w3.org/ns/shacl#> "
        "SELECT ?exact ?release ?triples ?conforms WHERE { "
        f"?a prov:generated <{GRAPH}> ; prov:qualifiedAssociation/prov:hadPlan ?exact ; "
        "prov:wasAssociatedWith ?release ; prov:generated ?report . "
        "?exact prov:specializationOf <https://w3id.org/demoi/mapping/budget-expense> . "
        "?release prov:specializationOf <https://w3id.org/demoi/agent/demoi> . "
        "?report sh:conforms ?conforms . "
        f"<{GRAPH}> void:triples ?triples }}"
    )
    ((exact, release, triples, conforms),) = answer.rows
    assert exact.value == f"urn:sha256:{lifted.mapping.version}"  # type: ignore[union-attr]
    assert release.value.endswith(f"/agent/demoi/{demoi.__version__}")  # type: ignore[union-attr]
    assert int(triples.value) == published.triples  # type: ignore[union-attr]
    assert conforms.value == "true"  # type: ignore[union-attr]


def test_publication_updates_the_dataset_catalogue_record(store: OxigraphStore) -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv")
    publish_lifted(store, lifted, base_uri=BASE)
    publish_lifted(store, lifted, base_uri=BASE)  # replaced, not added to
    answer = store.query(
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/> "
        "PREFIX demoi: <https://w3id.org/demoi/def/common#> "
        f"SELECT ?d ?title ?area ?modified WHERE {{ GRAPH <{BASE}graph/4401/catalogue> {{ "
        "?d a dcat:Dataset ; dct:title ?title ; demoi:functionalArea ?area ; "
        f"dct:modified ?modified ; dct:relation <{GRAPH}> ; "
        "demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } "
        "FILTER(LANG(?title) = 'el') }"
    )
    ((dataset, title, area, _),) = answer.rows
    assert dataset.value == f"{BASE}id/dataset/4401/budget-expense/2024"  # type: ignore[union-attr]
    assert title.value == "Εκτέλεση προϋπολογισμού: έξοδα, 2024"  # type: ignore[union-attr]
    assert area.value.endswith("/functional-area/finance")  # type: ignore[union-attr]


def test_republishing_replaces_the_graph(store: OxigraphStore, tmp_path: Path) -> None:
    publish_lifted(store, lift_example("4401-2024-expense.utf16.csv"), base_uri=BASE)
    text = (BUDGET / "4401-2024-expense.utf8.csv").read_text(encoding="utf-8").splitlines()
    smaller = tmp_path / "two-lines.csv"
    smaller.write_text("\n".join(text[:3]) + "\n", encoding="utf-8")
    published = publish_lifted(store, lift_example(smaller.name, folder=tmp_path), base_uri=BASE)
    lines = store.query(
        "PREFIX fin: <https://w3id.org/demoi/def/finance#> "
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?l a fin:ExpenditureLine }} }}"
    )
    assert lines.rows[0][0].value == "2"  # type: ignore[union-attr]
    assert published.triples < 40


def test_a_row_with_a_bad_number_is_named_and_nothing_changes(
    store: OxigraphStore, tmp_path: Path
) -> None:
    publish_lifted(store, lift_example("4401-2024-expense.utf16.csv"), base_uri=BASE)
    before = sorted(str(q) for q in store.quads())
    broken = tmp_path / "broken.csv"
    text = edited_example("4401-2024-expense.utf8.csv", 6, 8, "12.34a,00")
    broken.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    with pytest.raises(DataError) as raised:
        lift_example(broken.name, folder=tmp_path)
    message = str(raised.value)
    assert f"{broken}, line 6, column 8" in message and "12.34a,00" in message
    assert sorted(str(q) for q in store.quads()) == before


def test_data_that_violates_the_profile_is_not_published(
    store: OxigraphStore, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong-side.csv"
    # A revenue code on the expenditure side.
    wrong.write_text(edited_example("4401-2024-expense.utf8.csv", 3, 2, "0111.01.01"), "utf-8")
    with pytest.raises(ValidationFailed) as raised:
        publish_lifted(store, lift_example(wrong.name, folder=tmp_path), base_uri=BASE)
    assert "0111.01.01" in raised.value.report
    assert store.graphs() == []


def test_an_unknown_municipality_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="9999"):
        lift_example("4401-2024-expense.utf16.csv", municipality="9999")


def test_a_missing_year_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--year"):
        lift(
            BUDGET / "4401-2024-expense.utf16.csv",
            get_mapping("budget-expense"),
            municipality="4401",
            parameters={},
            base_uri=BASE,
        )


def test_revenue_side(store: OxigraphStore) -> None:
    lifted = lift_example("4401-2024-revenue.utf16.csv", mapping="budget-revenue")
    published = publish_lifted(store, lifted, base_uri=BASE)
    assert published.graph == f"{BASE}graph/4401/budget-revenue/2024"
    answer = store.query("ASK { ?l <https://w3id.org/demoi/def/finance#collected> ?c }")
    assert answer.boolean is True


def test_minted_iris_follow_the_base(store: OxigraphStore) -> None:
    lifted = lift_example("4401-2024-expense.utf16.csv", base_uri="https://data.kalamata.gr/")
    subjects = {str(s) for s in as_graph(lifted.ntriples).subjects()}
    assert subjects and all(
        s.startswith("https://data.kalamata.gr/id/budget-expense/4401/2024") for s in subjects
    )
    assert lifted.graph == "https://data.kalamata.gr/graph/4401/budget-expense/2024"
