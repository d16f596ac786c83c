"""POST /api/validate and the /validate page (without a browser; tests/test_browser_validate.py
drives the page in Chromium): the answer is the CLI's JSON of the same validation, every refusal
has its status in the server's one JSON error shape, nothing remote is fetched unless its host is
allow-listed, and nothing is written to the store."""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from conftest import REPO, SHARED_DATA, served
from demoi import conformance, profiles, validation_report
from demoi.server import app_store, validate_page
from test_canary import Canary, error_of, send

CASES = REPO / "tests" / "cases" / "shapes"
MISSING_KAE = CASES / "finance" / "missing-kae" / "data.ttl"
WARNING_ONLY = CASES / "finance" / "paid-exceeds-authorised" / "data.ttl"
VALID_DATASET = CASES / "catalogue" / "valid-dataset" / "data.ttl"
KAE_SHAPE = "https://w3id.org/demoi/shapes/finance#BudgetLine-kaeCode-count"
#: Keys of the JSON report that say when or how fast a validation ran: two runs differ in them.
_VOLATILE = re.compile(r"time|seconds|checked|duration|date", re.IGNORECASE)


def stable(document: Any) -> Any:
    """The report without its timings, so two validations of the same data compare equal."""
    if isinstance(document, dict):
        return {k: stable(v) for k, v in document.items() if not _VOLATILE.search(k)}
    if isinstance(document, list):
        return [stable(item) for item in document]
    return document


def untimed(html: str) -> str:
    """An HTML report without when it was checked and how long it took."""
    return re.sub(r"<time.*?</time>( \([^)]*\))?", "", html)


def expected_json(path: Path, profile: str, language: str, *, name: str | None = None) -> Any:
    """What the CLI's JSON holds for the same file: conformance.check and the report module."""
    source = conformance.Source(name or path.name, path.read_bytes(), "ttl")
    outcome = conformance.check([source], profiles.load(profile), allow_dtd=False)
    return stable(validation_report.as_json(outcome, language))


def upload(path: Path, *, shapes: bytes | None = None, **fields: str) -> dict[str, Any]:
    """A multipart form with the file, the fields and, if given, shapes as a 'shapes' part."""
    form: dict[str, Any] = {"file": (io.BytesIO(path.read_bytes()), path.name), **fields}
    if shapes is not None:
        form["shapes"] = (io.BytesIO(shapes), "mine.ttl")
    return form


def error(answer: TestResponse) -> dict[str, Any]:
    document = answer.get_json()
    assert set(document) == {"error"}, document
    body: dict[str, Any] = document["error"]
    assert body["status"] == answer.status_code and body["message"]
    return body


# ---------------------------------------------------------------------------------------------
# The JSON answer


def test_a_multipart_upload_answers_the_clis_json(client: FlaskClient) -> None:
    answer = client.post("/api/validate", data=upload(MISSING_KAE, profile="finance", lang="en"))
    assert answer.status_code == 200, answer.data
    assert answer.mimetype == "application/json"
    document = answer.get_json()
    assert stable(document) == expected_json(MISSING_KAE, "finance", "en")
    assert document["conforms"] is False
    assert [(r["severity"], r["sourceShape"]) for r in document["results"]] == [
        ("Violation", KAE_SHAPE)
    ]


def test_a_raw_body_answers_the_same_json(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate?profile=finance&lang=el",
        data=MISSING_KAE.read_bytes(),
        content_type="text/turtle",
    )
    assert answer.status_code == 200, answer.data
    expected = expected_json(MISSING_KAE, "finance", "el", name=validate_page.BODY)
    assert stable(answer.get_json()) == expected


@pytest.mark.parametrize(
    "case",
    sorted(CASES.glob("*/*/data.ttl")),
    ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}",
)
def test_every_shape_case_with_data_of_its_own(client: FlaskClient, case: Path) -> None:
    area = case.parent.parent.name
    answer = client.post("/api/validate", data=upload(case, profile=area, lang="en"))
    assert answer.status_code == 200, answer.data
    assert stable(answer.get_json()) == expected_json(case, area, "en")
    expected = json.loads((case.parent / "expected.json").read_text(encoding="utf-8"))
    assert answer.get_json()["conforms"] is expected["conforms"]


def test_messages_come_in_greek_and_in_english(client: FlaskClient) -> None:
    messages = {}
    for language in ("el", "en"):
        answer = client.post(
            "/api/validate", data=upload(MISSING_KAE, profile="finance", lang=language)
        )
        (result,) = answer.get_json()["results"]
        messages[language] = result["message"]
    assert re.search("[α-ω]", messages["el"]) and "γραμμή" in messages["el"]
    assert "budget line" in messages["en"] and not re.search("[α-ω]{4}", messages["en"])


def test_without_lang_the_accept_language_chooses(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate?profile=finance",
        data=MISSING_KAE.read_bytes(),
        content_type="text/turtle",
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert "budget line" in answer.get_json()["results"][0]["message"]


def test_warnings_fail_only_with_strict(client: FlaskClient) -> None:
    lenient = client.post("/api/validate", data=upload(WARNING_ONLY, profile="finance"))
    strict = client.post(
        "/api/validate", data=upload(WARNING_ONLY, profile="finance", strict="true")
    )
    assert lenient.status_code == strict.status_code == 200
    assert lenient.get_json()["conforms"] is True
    assert strict.get_json()["conforms"] is False
    assert lenient.get_json()["counts"]["Warning"] >= 1


def test_several_file_parts_are_validated_together(client: FlaskClient) -> None:
    data = {
        "file": [
            (io.BytesIO(MISSING_KAE.read_bytes()), "one.ttl"),
            (io.BytesIO(VALID_DATASET.read_bytes()), "two.ttl"),
        ],
        "profile": "all",
    }
    answer = client.post("/api/validate", data=data)
    assert answer.status_code == 200, answer.data
    shapes = {r["sourceShape"] for r in answer.get_json()["results"]}
    assert KAE_SHAPE in shapes


@pytest.mark.parametrize(
    ("suffix", "content_type", "syntax"),
    [
        ("nt", "application/n-triples", "nt"),
        ("nq", "application/n-quads", "nq"),
        ("trig", "application/trig", "trig"),
        ("jsonld", "application/ld+json", "jsonld"),
        ("rdf", "application/rdf+xml", "rdf"),
    ],
)
def test_every_syntax_is_read(
    client: FlaskClient, suffix: str, content_type: str, syntax: str
) -> None:
    import pyoxigraph as ox

    from demoi.formats import RDF_EXTENSIONS

    triples = list(ox.parse(MISSING_KAE.read_bytes(), format=ox.RdfFormat.TURTLE))
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode("http://e/g")) for t in triples]
    rdf_format = RDF_EXTENSIONS[syntax]
    body = ox.serialize(quads if rdf_format.supports_datasets else triples, format=rdf_format)
    assert body
    raw = client.post("/api/validate?profile=finance", data=body, content_type=content_type)
    by_name = client.post(
        "/api/validate",
        data={"file": (io.BytesIO(body), f"data.{suffix}"), "profile": "finance"},
        content_type="multipart/form-data",
    )
    chosen = client.post(
        "/api/validate",
        data={"file": (io.BytesIO(body), "data.txt"), "syntax": syntax, "profile": "finance"},
    )
    for answer in (raw, by_name, chosen):
        assert answer.status_code == 200, answer.data
        assert [r["sourceShape"] for r in answer.get_json()["results"]] == [KAE_SHAPE]


def test_pasted_text_is_read_as_turtle(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate",
        data={"text": MISSING_KAE.read_text(encoding="utf-8"), "profile": "finance"},
    )
    assert answer.status_code == 200, answer.data
    assert stable(answer.get_json()) == expected_json(
        MISSING_KAE, "finance", "el", name=validate_page.PASTED
    )


# ---------------------------------------------------------------------------------------------
# Other renderings


def test_the_json_is_what_the_cli_prints(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from demoi.cli import cli

    monkeypatch.chdir(MISSING_KAE.parent)
    ran = CliRunner().invoke(
        cli, ["validate", "data.ttl", "--profile", "finance", "--format", "json", "--lang", "en"]
    )
    assert ran.exit_code == 1, ran.output
    answer = client.post("/api/validate", data=upload(MISSING_KAE, profile="finance", lang="en"))
    assert stable(answer.get_json()) == stable(json.loads(ran.stdout))


@pytest.mark.parametrize("fmt", ["ttl", "junit", "html", "text"])
def test_format_gives_that_rendering(client: FlaskClient, fmt: str) -> None:
    answer = client.post(
        "/api/validate", data=upload(MISSING_KAE, profile="finance", lang="en", format=fmt)
    )
    assert answer.status_code == 200, answer.data
    assert answer.headers["Content-Type"] == validation_report.MEDIA_TYPES[fmt]
    body = answer.get_data(as_text=True)
    if fmt == "ttl":
        import pyoxigraph as ox

        store = ox.Store()
        store.load(answer.data, format=ox.RdfFormat.TURTLE)
        shacl = "http://www.w3.org/ns/shacl#"
        asked = store.query(
            f"""ASK {{ ?report a <{shacl}ValidationReport> ; <{shacl}conforms> false ;
                <{shacl}result> [ <{shacl}sourceShape> <{KAE_SHAPE}> ] }}"""
        )
        assert asked, body
    elif fmt == "junit":
        from xml.etree import ElementTree

        root = ElementTree.fromstring(answer.data)
        assert root.tag in ("testsuites", "testsuite"), body
        assert "6011.01.01" in body
    else:
        assert "6011.01.01" in body


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "ttl"),
        ("application/xml", "junit"),
        ("text/plain", "text"),
        ("text/html", "html"),
        ("*/*", "json"),
        ("application/json;q=0.5, text/turtle;q=0.9", "ttl"),
    ],
)
def test_accept_chooses_the_rendering(client: FlaskClient, accept: str, fmt: str) -> None:
    answer = client.post(
        "/api/validate?profile=finance",
        data=MISSING_KAE.read_bytes(),
        content_type="text/turtle",
        headers={"Accept": accept},
    )
    assert answer.status_code == 200, answer.data
    assert answer.headers["Content-Type"] == validation_report.MEDIA_TYPES[fmt]
    assert "Accept" in answer.headers["Vary"]


def test_an_accept_nothing_matches_is_406(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate?profile=finance",
        data=MISSING_KAE.read_bytes(),
        content_type="text/turtle",
        headers={"Accept": "image/png"},
    )
    assert answer.status_code == 406
    assert error(answer)["code"] == "not-acceptable"


def test_download_names_the_file(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate",
        data=upload(MISSING_KAE, profile="finance", format="junit", download="1"),
    )
    assert answer.headers["Content-Disposition"] == ('attachment; filename="validation-report.xml"')


# ---------------------------------------------------------------------------------------------
# Refusals


def test_unreadable_input_is_400_naming_line_and_column(client: FlaskClient) -> None:
    broken = b"@prefix e: <http://e/> .\ne:a e:b e:c .\ne:a e:b .\n"
    answer = client.post(
        "/api/validate", data={"file": (io.BytesIO(broken), "broken.ttl"), "profile": "finance"}
    )
    assert answer.status_code == 400
    body = error(answer)
    assert body["code"] == "unreadable-input"
    assert "broken.ttl, line 3, column" in body["message"]


def test_unknown_profile_is_400(client: FlaskClient) -> None:
    answer = client.post("/api/validate", data=upload(MISSING_KAE, profile="budget"))
    assert answer.status_code == 400
    assert "unknown profile 'budget'" in error(answer)["message"]


@pytest.mark.parametrize("name", sorted(profiles.EU_PROFILES))
def test_an_eu_profile_without_its_files_says_how_to_set_them_up(
    client: FlaskClient, name: str
) -> None:
    answer = client.post("/api/validate", data=upload(VALID_DATASET, profile=name))
    assert answer.status_code == 400
    message = error(answer)["message"]
    assert "DEMOI_EU_SHAPES_DIR" in message and "download" in message


def test_an_eu_profile_runs_once_its_folder_is_set(make_app: Callable[..., Flask]) -> None:
    app = make_app(TESTING=True, EU_SHAPES_DIR=str(SHARED_DATA))
    answer = app.test_client().post(
        "/api/validate", data=upload(VALID_DATASET, profile="dcat-ap", lang="en")
    )
    assert answer.status_code == 200, answer.data
    assert "conforms" in answer.get_json()


def test_a_body_over_the_upload_limit_is_413(make_app: Callable[..., Flask]) -> None:
    app = make_app(TESTING=True, MAX_UPLOAD_SIZE=1000)
    client = app.test_client()
    big = MISSING_KAE.read_bytes() + b"#" * 1000 + b"\n"
    raw = client.post("/api/validate", data=big, content_type="text/turtle")
    assert raw.status_code == 413 and error(raw)["code"] == "request-entity-too-large"
    form = client.post(
        "/api/validate", data={"file": (io.BytesIO(big), "big.ttl"), "profile": "finance"}
    )
    assert form.status_code == 413 and error(form)["code"] == "request-entity-too-large"
    pasted = client.post("/api/validate", data={"text": big.decode(), "profile": "finance"})
    assert pasted.status_code == 413
    small = client.post("/api/validate?profile=finance", data=b"", content_type="text/turtle")
    assert small.status_code == 200


def test_pasted_text_may_be_as_large_as_an_upload(make_app: Callable[..., Flask]) -> None:
    # Werkzeug caps form fields at 500 KB by default, far below the 50 MB upload limit.
    app = make_app(TESTING=True)
    padding = "# padding\n" * 70_000
    answer = app.test_client().post(
        "/api/validate",
        data={"text": padding + MISSING_KAE.read_text(encoding="utf-8"), "profile": "finance"},
    )
    assert answer.status_code == 200, answer.data
    assert answer.get_json()["counts"]["Violation"] == 1


@pytest.mark.parametrize("content_type", ["text/csv", "application/json", ""])
def test_an_unknown_content_type_is_415(client: FlaskClient, content_type: str) -> None:
    answer = client.post("/api/validate", data=b"a,b\n", content_type=content_type or None)
    assert answer.status_code == 415
    body = error(answer)
    assert body["code"] == "unsupported-media-type" and "text/turtle" in body["message"]


def test_get_on_the_api_is_405(client: FlaskClient) -> None:
    answer = client.get("/api/validate")
    assert answer.status_code == 405
    assert error(answer)["code"] == "method-not-allowed"
    assert "POST" in answer.headers["Allow"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"profile": "finance"}, "no data"),
        ({"text": "<http://e/a> <http://e/b> <http://e/c> .", "lang": "fr"}, "unknown language"),
        ({"text": "<http://e/a> <http://e/b> <http://e/c> .", "strict": "maybe"}, "strict="),
        ({"text": "<http://e/a> <http://e/b> <http://e/c> .", "format": "pdf"}, "report format"),
        ({"text": "<http://e/a> <http://e/b> <http://e/c> .", "syntax": "n3"}, "unknown syntax"),
        ({"text": "<http://e/a> <http://e/b> <http://e/c> .", "profile": "none"}, "shapes"),
    ],
)
def test_bad_fields_are_400(client: FlaskClient, fields: dict[str, str], expected: str) -> None:
    answer = client.post("/api/validate", data=fields, content_type="multipart/form-data")
    assert answer.status_code == 400
    assert expected in error(answer)["message"]


def test_a_file_and_pasted_text_together_are_refused(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate", data=upload(MISSING_KAE, text="<http://e/a> a <http://e/C> .")
    )
    assert answer.status_code == 400
    assert "not both" in error(answer)["message"]


def test_a_file_name_that_tells_no_syntax_is_400(client: FlaskClient) -> None:
    answer = client.post(
        "/api/validate",
        data={"file": (io.BytesIO(MISSING_KAE.read_bytes()), "data", "application/octet-stream")},
    )
    assert answer.status_code == 400
    assert "choose the syntax" in error(answer)["message"]


def test_rdf_xml_with_a_doctype_is_refused(client: FlaskClient) -> None:
    document = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY e "http://e/"> ]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="&e;a"/></rdf:RDF>'
    )
    answer = client.post(
        "/api/validate?profile=finance", data=document, content_type="application/rdf+xml"
    )
    assert answer.status_code == 400
    assert "DOCTYPE" in error(answer)["message"]


# ---------------------------------------------------------------------------------------------
# Custom shapes and nothing remote


SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix fin: <https://w3id.org/demoi/def/finance#> .
<http://e/shapes> a owl:Ontology {imports} .
<http://e/shapes#Line> a sh:NodeShape ; sh:targetClass fin:ExpenditureLine ;
    sh:property [ sh:path fin:paid ; sh:maxInclusive 10 ; sh:message "too much"@en ] .
"""


def test_own_shapes_are_checked_alone_or_with_a_profile(client: FlaskClient) -> None:
    shapes = SHAPES.format(imports="").encode()
    alone = client.post(
        "/api/validate",
        data=upload(MISSING_KAE, shapes=shapes, lang="en"),
    )
    assert alone.status_code == 200, alone.data
    assert [r["message"] for r in alone.get_json()["results"]] == ["too much"]
    both = client.post(
        "/api/validate",
        data=upload(
            MISSING_KAE,
            shapes=shapes,
            profile="finance",
            lang="en",
        ),
    )
    results = both.get_json()["results"]
    assert {r["sourceShape"] for r in results} >= {KAE_SHAPE}
    assert "too much" in {r["message"] for r in results}


def _imports(url: str) -> bytes:
    return SHAPES.format(imports=f"; owl:imports <{url}>").encode()


def test_nothing_remote_is_fetched(make_app: Callable[..., Flask], canary: Canary) -> None:
    app = make_app(TESTING=True)
    with served(app) as server:
        shapes = _imports(f"{canary.url}shapes.ttl")
        answer = app.test_client().post(
            "/api/validate",
            data=upload(MISSING_KAE, shapes=shapes, lang="en"),
        )
        assert answer.status_code == 200, answer.data
        notes = json.dumps(answer.get_json()["notes"])
        assert f"{canary.url}shapes.ttl" in notes and "not followed" in notes
        jsonld = json.dumps(
            {"@context": f"{canary.url}context", "@id": "http://e/a", "p": "x"}
        ).encode()
        status, body = send(
            f"{server}api/validate?profile=finance",
            data=jsonld,
            method="POST",
            **{"Content-Type": "application/ld+json"},
        )
        assert status == 400 and "context" in str(error_of(body)["message"])
        data_imports = _imports(f"{canary.url}data-import.ttl")
        status, body = send(
            f"{server}api/validate?profile=finance",
            data=data_imports,
            method="POST",
            **{"Content-Type": "text/turtle"},
        )
        assert status == 200, body
    assert canary.seen == []


def test_owl_imports_are_fetched_from_an_allow_listed_host(
    make_app: Callable[..., Flask], canary: Canary
) -> None:
    # The positive control: the canary's silence above means nothing was fetched.
    app = make_app(TESTING=True, ALLOWED_HOSTS="127.0.0.1")
    shapes = _imports(f"{canary.url}shapes.ttl")
    answer = app.test_client().post(
        "/api/validate",
        data=upload(MISSING_KAE, shapes=shapes),
    )
    assert answer.status_code == 200, answer.data
    assert canary.requests == ["GET /shapes.ttl"]


def sparql_shapes(select: str) -> bytes:
    return f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix fin: <https://w3id.org/demoi/def/finance#> .
<http://e/shapes#Sparql> a sh:NodeShape ; sh:targetClass fin:ExpenditureLine ;
    sh:sparql [ sh:select \"\"\"{select}\"\"\" ; sh:message "found"@en ] .
""".encode()


def test_shapes_whose_sparql_would_fetch_are_refused(
    make_app: Callable[..., Flask], canary: Canary
) -> None:
    # Found in review: the validator runs SHACL-SPARQL as written, and Oxigraph fetches a
    # SERVICE (rdflib a FROM too), so a shapes upload could make the server reach out.
    client = make_app(TESTING=True).test_client()
    selects = {
        "SERVICE": f"SELECT $this WHERE {{ SERVICE <{canary.url}sparql> {{ ?s ?p ?o }} }}",
        "SERVICE by prefix": (
            f"PREFIX c: <{canary.url}> "
            "SELECT $this WHERE { SERVICE SILENT c:sparql { $this ?p ?o } }"
        ),
        "FROM": f"SELECT $this FROM <{canary.url}data.ttl> WHERE {{ $this ?p ?o }}",
    }
    for name, select in selects.items():
        answer = client.post(
            "/api/validate", data=upload(MISSING_KAE, shapes=sparql_shapes(select))
        )
        assert answer.status_code == 400, (name, answer.data)
        body = error(answer)
        assert body["code"] == "outbound-refused", name
        assert body["message"].startswith("mine.ttl: a SPARQL query of the shapes"), name
    assert canary.seen == []


def test_shapes_whose_sparql_nests_too_deep_are_refused(client: FlaskClient) -> None:
    # Oxigraph's parser crashes the process on a few thousand nested brackets.
    select = "SELECT $this WHERE { " + "{ " * 5000 + "$this ?p ?o " + "} " * 5000 + "}"
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=sparql_shapes(select)))
    assert answer.status_code == 400
    assert error(answer)["code"] == "query-syntax-error"


def test_shapes_with_sparql_that_fetches_nothing_run(client: FlaskClient) -> None:
    select = "SELECT $this WHERE { $this <https://w3id.org/demoi/def/finance#paid> ?paid }"
    answer = client.post(
        "/api/validate", data=upload(MISSING_KAE, shapes=sparql_shapes(select), lang="en")
    )
    assert answer.status_code == 200, answer.data
    assert [r["message"] for r in answer.get_json()["results"]] == ["found"]


@pytest.mark.parametrize(
    ("shapes", "expected"),
    [
        (sparql_shapes("SELECT $this WHERE { $this ?p }"), "cannot be read: Expected"),
        (
            b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://e/s> a sh:NodeShape ; "
            b"sh:targetNode <http://e/a> ; sh:property [ sh:path <http://e/p> ; "
            b'sh:minCount "x" ] .\n',
            "the shapes cannot be used: MinCountConstraintComponent",
        ),
    ],
    ids=["SPARQL that does not parse", "sh:minCount not an integer"],
)
def test_shapes_the_validator_cannot_use_are_400(
    client: FlaskClient, shapes: bytes, expected: str
) -> None:
    # Found in review: both were internal errors (500).
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=shapes))
    assert answer.status_code == 400, answer.data
    message = error(answer)["message"]
    assert message.startswith("mine.ttl: ") and expected in message


# ---------------------------------------------------------------------------------------------
# Read-only and rate-limited


def test_validating_writes_nothing_to_the_store(demo_app: Flask) -> None:
    store = app_store(demo_app)
    before = {(g.iri, g.triples) for g in store.graphs()}
    client = demo_app.test_client()
    for profile, strict in (("finance", "false"), ("all", "true")):
        answer = client.post("/api/validate", data=upload(MISSING_KAE, profile=profile))
        assert answer.status_code == 200
        page = client.post("/validate", data=upload(MISSING_KAE, profile=profile, strict=strict))
        assert page.status_code == 200
    assert {(g.iri, g.triples) for g in store.graphs()} == before


def test_the_api_needs_no_token_and_is_rate_limited(make_app: Callable[..., Flask]) -> None:
    app = make_app(TESTING=True, RATE_LIMIT="2 per minute")
    client = app.test_client()
    answers = [
        client.post("/api/validate?profile=finance", data=b"", content_type="text/turtle")
        for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert error(answers[2])["code"] == "too-many-requests"


# ---------------------------------------------------------------------------------------------
# The page


def test_both_languages_have_the_same_strings() -> None:
    assert validate_page.TEXT["el"].keys() == validate_page.TEXT["en"].keys()


@pytest.mark.parametrize("language", ["el", "en"])
def test_the_form_lists_every_profile_with_its_title(client: FlaskClient, language: str) -> None:
    answer = client.get(f"/validate?lang={language}")
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert f'<html lang="{language}">' in html
    for name in profiles.profile_names():
        assert f'<option value="{name}"' in html, name
    finance = profiles.load("finance")[0].title(language)
    assert finance in html
    assert validate_page.TEXT[language]["submit"] in html
    for syntax in validate_page.SYNTAXES.values():
        assert f">{syntax}</option>" in html
    for name in profiles.EU_PROFILES:
        assert f'<option value="{name}" disabled>' in html
    assert 'id="eu-note"' in html and "DEMOI_EU_SHAPES_DIR" in html


def test_the_eu_profiles_are_usable_once_their_folder_is_set(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(TESTING=True, EU_SHAPES_DIR=str(SHARED_DATA))
    html = app.test_client().get("/validate?lang=en").get_data(as_text=True)
    for name, profile in profiles.EU_PROFILES.items():
        assert f'<option value="{name}">' in html
        assert dict(profile.titles)["en"] in html
    assert 'id="eu-note"' not in html


def test_posting_the_form_shows_the_report_below_it(client: FlaskClient) -> None:
    answer = client.post(
        "/validate?lang=en", data=upload(MISSING_KAE, profile="finance", lang="el")
    )
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert 'id="validate-form"' in html  # the form again, to validate another file
    assert '<section id="report" data-conforms="false">' in html
    source = conformance.Source(MISSING_KAE.name, MISSING_KAE.read_bytes(), "ttl")
    outcome = conformance.check([source], profiles.load("finance"))
    assert untimed(str(validate_page.report_fragment(outcome, "el"))) in untimed(html)
    assert '<option value="finance" selected>' in html


def test_the_download_buttons_send_the_same_validation_to_the_api(client: FlaskClient) -> None:
    html = client.post(
        "/validate?lang=en", data=upload(MISSING_KAE, profile="finance", lang="en")
    ).get_data(as_text=True)
    form = html[
        html.index('<form id="download"') : html.index("</form>", html.index('id="download"'))
    ]
    assert 'action="/api/validate"' in form
    import html as html_module

    fields = {
        name: html_module.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
    }
    assert set(re.findall(r'name="format" value="(\w+)"', form)) == {"ttl", "json", "junit", "html"}
    answer = client.post(
        "/api/validate", data={**fields, "format": "json"}, content_type="multipart/form-data"
    )
    assert answer.status_code == 200, answer.data
    assert answer.headers["Content-Disposition"].startswith("attachment")
    assert stable(json.loads(answer.data)) == expected_json(MISSING_KAE, "finance", "en")


def test_an_unreadable_file_shows_the_error_on_the_page(client: FlaskClient) -> None:
    broken = b"@prefix e: <http://e/> .\ne:a e:b .\n"
    answer = client.post(
        "/validate?lang=el", data={"file": (io.BytesIO(broken), "broken.ttl"), "lang": "el"}
    )
    assert answer.status_code == 400
    html = answer.get_data(as_text=True)
    assert 'id="validate-error"' in html and "broken.ttl, line 2, column" in html
    assert validate_page.TEXT["el"]["error"] in html
    assert 'id="report"' not in html


def test_an_upload_over_the_limit_shows_the_limit_on_the_page(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(TESTING=True, MAX_UPLOAD_SIZE=2048)
    big = b"#" * 4096
    answer = app.test_client().post(
        "/validate?lang=en", data={"file": (io.BytesIO(big), "big.ttl")}
    )
    assert answer.status_code == 413
    assert "larger than the 2.0 KB the server accepts" in answer.get_data(as_text=True)


def test_the_page_links_the_reports_stylesheet(client: FlaskClient) -> None:
    html = client.get("/validate?lang=en").get_data(as_text=True)
    assert 'href="/validate/report.css"' in html
    answer = client.get("/validate/report.css")
    assert answer.status_code == 200 and answer.mimetype == "text/css"
    assert answer.get_data(as_text=True) == validation_report.CSS


def test_a_page_on_another_origin_may_call_the_api(client: FlaskClient) -> None:
    """The API writes nothing and needs no token, so it answers CORS like the other reads: a
    preflight for a raw Turtle body, then the answer readable by any origin."""
    preflight = client.options(
        "/api/validate",
        headers={
            "Origin": "https://portal.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    answer = client.post(
        "/api/validate?profile=finance",
        data=MISSING_KAE.read_bytes(),
        content_type="text/turtle",
        headers={"Origin": "https://portal.example"},
    )
    assert answer.status_code == 200
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]


def pattern_shapes(pattern: str) -> bytes:
    return (
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix fin: <https://w3id.org/demoi/def/finance#> .\n"
        "<http://e/s> a sh:NodeShape ; sh:targetClass fin:ExpenditureLine ;\n"
        f'    sh:property [ sh:path fin:kaeCode ; sh:pattern "{pattern}" ] .\n'
    ).encode()


def test_an_sh_pattern_that_is_not_a_regex_is_a_400_not_a_500(client: FlaskClient) -> None:
    """Regression: sh:pattern "[" in uploaded shapes crashed the compiled engine (re.error):
    500 internal-error."""
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=pattern_shapes("[")))
    assert answer.status_code == 400, answer.data
    assert "is not a regular expression" in error(answer)["message"]


def test_a_pattern_that_backtracks_for_ever_is_refused_from_the_network(
    client: FlaskClient,
) -> None:
    """Regression: sh:pattern "^(a+)+$" in uploaded shapes, with a value of 26 a's and a b,
    held a server thread for 2 s, each more character doubling it (40: hours); the matcher is
    Python's backtracking re."""
    for pattern in ("^(a+)+$", "(a|aa)*b", "^(x*y*)*$"):
        answer = client.post(
            "/api/validate", data=upload(MISSING_KAE, shapes=pattern_shapes(pattern))
        )
        assert answer.status_code == 400, (pattern, answer.data)
        assert "repeats a group that itself repeats" in error(answer)["message"]
    fine = client.post("/api/validate", data=upload(MISSING_KAE, shapes=pattern_shapes("^[0-9]+$")))
    assert fine.status_code == 200, fine.data


def test_an_undeclared_prefix_in_the_shapes_sparql_is_a_400_not_a_500(client: FlaskClient) -> None:
    """Regression: pySHACL raised a bare Exception for a prefix the query never declared."""
    shapes = (
        b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        b"<http://e/s> a sh:NodeShape ; sh:targetNode <http://e/x> ; sh:sparql [\n"
        b'  sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .\n'
    )
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=shapes))
    assert answer.status_code == 400, answer.data
    assert "Unknown namespace prefix" in error(answer)["message"]


SHAPES_HEAD = (
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix fin: <https://w3id.org/demoi/def/finance#> .\n"
)
TARGET = "<http://e/s> a sh:NodeShape ; sh:targetClass fin:ExpenditureLine ; "


@pytest.mark.parametrize(
    ("shapes", "message"),
    [
        (  # regression: ValueError "List contains a recursive rdf:rest reference", a 500
            TARGET + "sh:property [ sh:path fin:paid ; sh:in <http://e/l> ] .\n"
            "<http://e/l> rdf:first 1 ; rdf:rest <http://e/l> .\n",
            "loops back on itself",
        ),
        (  # the same loop in an sh:or, after a list that ends as lists do
            TARGET + "sh:or ( [ sh:nodeKind sh:IRI ] ) ; sh:and <http://e/l> .\n"
            "<http://e/l> rdf:first [ sh:nodeKind sh:IRI ] ; rdf:rest <http://e/m> .\n"
            "<http://e/m> rdf:first [ sh:nodeKind sh:IRI ] ; rdf:rest <http://e/l> .\n",
            "loops back on itself",
        ),
        (  # regression: RecursionError in the validator at about 200 levels, a 500
            TARGET + "sh:not " + "[ sh:not " * 300 + "[ sh:nodeKind sh:IRI ]" + " ]" * 300 + " .\n",
            "more than 100 levels deep",
        ),
    ],
    ids=["cyclic-in", "cyclic-and", "deep-not"],
)
def test_shapes_the_validator_cannot_follow_are_a_400_not_a_500(
    client: FlaskClient, shapes: str, message: str
) -> None:
    answer = client.post(
        "/api/validate", data=upload(MISSING_KAE, shapes=(SHAPES_HEAD + shapes).encode())
    )
    assert answer.status_code == 400, answer.data
    assert message in error(answer)["message"]


def test_a_long_list_in_the_shapes_is_no_deep_nesting(client: FlaskClient) -> None:
    values = " ".join(f'"{n}"' for n in range(1000))  # 1,000 list nodes, ten times the limit
    shapes = SHAPES_HEAD + TARGET + f"sh:property [ sh:path fin:kaeCode ; sh:in ( {values} ) ] .\n"
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=shapes.encode()))
    assert answer.status_code == 200, answer.data


class _Redirect(BaseHTTPRequestHandler):
    """Answers every request with a redirect to the server's ``target``."""

    server: _RedirectServer

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self.send_response(302)
        self.send_header("Location", self.server.target)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


class _RedirectServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, target: str) -> None:
        self.target = target
        super().__init__(("127.0.0.1", 0), _Redirect)


def test_an_allow_listed_host_cannot_redirect_the_import_elsewhere(
    make_app: Callable[..., Flask], canary: Canary
) -> None:
    """Regression: urllib follows every redirect, so an owl:imports from the allow-listed
    127.0.0.1 that answered 302 to localhost (not allow-listed) was fetched from there."""
    elsewhere = canary.url.replace("127.0.0.1", "localhost") + "internal"
    redirect = _RedirectServer(elsewhere)
    thread = threading.Thread(target=redirect.serve_forever, daemon=True)
    thread.start()
    try:
        app = make_app(TESTING=True, ALLOWED_HOSTS="127.0.0.1")
        port = redirect.server_address[1]
        shapes = _imports(f"http://127.0.0.1:{port}/shapes.ttl")
        answer = app.test_client().post("/api/validate", data=upload(MISSING_KAE, shapes=shapes))
    finally:
        redirect.shutdown()
        redirect.server_close()
        thread.join()
    assert answer.status_code == 400, answer.data
    assert "not allow-listed" in error(answer)["message"]
    assert canary.seen == []


def test_an_import_of_a_file_url_on_an_allowed_host_is_not_followed(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    """Regression: owl:imports <file://127.0.0.1/…> with 127.0.0.1 allow-listed read the
    server's own file, and the parse error quoted its first words (/etc/hostname's)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("hunter2 is the password\n", encoding="utf-8")
    app = make_app(TESTING=True, ALLOWED_HOSTS="127.0.0.1")
    url = f"file://127.0.0.1{secret}"
    answer = app.test_client().post(
        "/api/validate", data=upload(MISSING_KAE, shapes=_imports(url), lang="en")
    )
    assert answer.status_code == 200, answer.data
    assert "hunter2" not in answer.get_data(as_text=True)
    assert url in json.dumps(answer.get_json()["notes"])


def test_a_sparql_function_the_engine_does_not_know_is_a_400_not_a_500(
    client: FlaskClient,
) -> None:
    """Regression: Oxigraph raised RuntimeError("The custom function … is not supported")
    while validating, and the API answered 500."""
    select = "SELECT $this WHERE { $this ?p ?o . FILTER(<http://e/f>(?o)) }"
    answer = client.post("/api/validate", data=upload(MISSING_KAE, shapes=sparql_shapes(select)))
    assert answer.status_code == 400, answer.data
    assert "custom function <http://e/f> is not supported" in error(answer)["message"]


CROSS_JOIN_SHAPES = b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:shape> a sh:NodeShape ; sh:targetNode <urn:s0> ; sh:sparql [
    sh:select "SELECT $this WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER (?c = ?f && ?f != ?i) }"
] .
"""


def test_a_validation_past_its_time_limit_is_stopped(make_app: Callable[..., Flask]) -> None:
    """Uploaded shapes are programs: a SPARQL constraint joining everything with everything ran
    as long as it liked. The validation runs in a child process, killed past
    DEMOI_VALIDATION_TIMEOUT; the client gets 503 and the server goes on answering."""
    import time

    app = make_app(VALIDATION_TIMEOUT=1.0)
    client = app.test_client()
    data = "".join(f"<urn:s{n}> <urn:p> <urn:o{n % 7}> .\n" for n in range(3000)).encode()
    started = time.monotonic()
    answer = client.post(
        "/api/validate",
        data={
            "file": (io.BytesIO(data), "data.nt"),
            "shapes": (io.BytesIO(CROSS_JOIN_SHAPES), "shapes.ttl"),
            "profile": "none",
        },
        content_type="multipart/form-data",
    )
    assert answer.status_code == 503, answer.data
    assert error(answer)["code"] == "validation-timeout"
    assert time.monotonic() - started < 20  # the first request also starts the forkserver
    after = client.post(
        "/api/validate?profile=finance", data=MISSING_KAE.read_bytes(), content_type="text/turtle"
    )
    assert after.status_code == 200
