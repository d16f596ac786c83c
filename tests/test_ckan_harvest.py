"""`demoi harvest ckan`: a real HTTP server on 127.0.0.1 replays a CKAN portal's answers from
tests/cases/ckan/<case>/case.toml, and the harvest is compared with what the case expects (the
records, by graph isomorphism, or the error), then published into a real store."""

from __future__ import annotations

import threading
import time
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import SHARED_DATA
from demoi import conformance, errors, profiles
from demoi.cli import cli
from demoi.harvest.ckan import Client, Retry, printable
from demoi.harvest.ckan_dcat import classify, records
from demoi.harvest.command import harvest
from demoi.harvest.publish import guard, harvest_graph, ntriples
from demoi.municipalities import get_municipality
from demoi.store import OxigraphStore
from demoi.validation import validate_ntriples

CASES = Path(__file__).parent / "cases" / "ckan"
BASE = "http://demoi.test/"
#: The portal's address in expected files; the replay's real one (its port changes) replaces it.
PORTAL = "http://portal.invalid"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


# --- the replay server -------------------------------------------------------------------------


@dataclass
class Response:
    action: str
    params: dict[str, str]
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str]
    once: bool
    delay: float
    used: bool = False

    def matches(self, action: str, params: dict[str, str]) -> bool:
        wanted = self.params.items() <= params.items()
        return self.action == action and wanted and not (self.once and self.used)


@dataclass
class Replay:
    responses: list[Response]
    #: Each request as "<action> <param>=<value>…" (the params the case names), in order.
    seen: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, path: str, query: dict[str, str]) -> Response | None:
        action = path.rsplit("/", 1)[-1] if path.startswith("/api/3/action/") else ""
        with self.lock:
            self.seen.append(f"{action} " + " ".join(f"{k}={v}" for k, v in sorted(query.items())))
            for response in self.responses:
                if response.matches(action, query):
                    response.used = True
                    return response
        return None


def _handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            response = replay.answer(parts.path, dict(parse_qsl(parts.query)))
            if response is None:
                self.send_error(599, "no replay for this request")
                return
            if response.delay:
                time.sleep(response.delay)
            try:
                self.send_response(response.status)
                self.send_header("Content-Type", response.content_type)
                self.send_header("Content-Length", str(len(response.body)))
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(response.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the time-out case)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return Handler


@dataclass
class Case:
    name: str
    folder: Path
    spec: dict[str, Any]

    @property
    def expected(self) -> dict[str, Any]:
        return dict(self.spec.get("expected", {}))

    def replay(self) -> Replay:
        responses = []
        for item in self.spec["responses"]:
            body = item.get("text", "").encode("utf-8")
            if "body" in item:
                body = (self.folder / item["body"]).read_bytes()
            if "cut" in item:
                body = body[: item["cut"]]
            responses.append(
                Response(
                    item["action"],
                    {key: str(value) for key, value in item.get("params", {}).items()},
                    item.get("status", 200),
                    body,
                    item.get("content_type", "application/json;charset=utf-8"),
                    item.get("headers", {}),
                    item.get("once", False),
                    item.get("delay", 0.0),
                )
            )
        return Replay(responses)


def _cases() -> list[Case]:
    found = []
    for path in sorted(CASES.glob("*/case.toml")):
        if not path.parent.name.startswith("_"):
            spec = tomllib.loads(path.read_text(encoding="utf-8"))
            found.append(Case(path.parent.name, path.parent, spec))
    return found


@pytest.fixture
def portal() -> Iterator[Any]:
    """Start a replay of a case's responses; yields a function case -> (address, replay)."""
    servers: list[ThreadingHTTPServer] = []

    def start(case: Case) -> tuple[str, Replay]:
        replay = case.replay()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}", replay

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _client(address: str, case: Case) -> Client:
    # Small waits: Retry-After says 1 s in the replays; the client is told to wait 10 ms.
    retry = Retry(attempts=3, longest=0.01, default=0.01)
    return Client(address, timeout=case.spec.get("timeout", 5.0), retry=retry)


def _harvest(address: str, case: Case) -> tuple[Any, Any]:
    found = _client(address, case).search(
        rows=case.spec.get("rows", 100), organization=case.spec.get("organization")
    )
    made = records(
        found.packages,
        portal=address,
        base=BASE,
        municipality=get_municipality(case.spec.get("municipality", "0701")),
        personal_default={"no": False, "yes": True}.get(case.spec.get("personal_data", "")),
    )
    made.notes[:0] = found.notes
    return found, made


def _graph(data: bytes, rdf_format: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=data, format=rdf_format)


def _turtle_expected(case: Case, address: str) -> rdflib.Graph:
    text = (case.folder / case.expected["turtle"]).read_text(encoding="utf-8")
    return _graph(text.replace(PORTAL, address).encode("utf-8"), "turtle")


# --- the cases ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.name)
def test_ckan_case(case: Case, portal: Any) -> None:
    address, replay = portal(case)
    expected = case.expected
    if "error" in expected:
        error_class = getattr(errors, expected["error"], None)
        if error_class is None:
            from demoi.privacy import gate

            error_class = getattr(gate, expected["error"])
        with pytest.raises(error_class) as raised:
            _, made = _harvest(address, case)
            guard(made, address)
        message = str(raised.value)
        for part in expected.get("message", []):
            assert part.replace(PORTAL, address) in message, message
        assert address in message, "every error names the URL it came from"
    else:
        found, made = _harvest(address, case)
        guard(made, address)
        produced = _graph(ntriples(made), "nt")
        wanted = _turtle_expected(case, address)
        if not isomorphic(produced, wanted):
            _, only_produced, only_wanted = graph_diff(
                to_isomorphic(produced), to_isomorphic(wanted)
            )
            pytest.fail(
                "records differ\nonly produced:\n"
                + only_produced.serialize(format="nt")
                + "\nonly expected:\n"
                + only_wanted.serialize(format="nt")
            )
        notes = {f"{note.kind}:{note.package}" for note in made.notes} | {
            note.kind for note in made.notes
        }
        for note in expected.get("notes", []):
            assert note in notes, sorted(notes)
        for note in expected.get("absent_notes", []):
            assert note not in notes, sorted(notes)
        areas = {outcome.package: outcome.area or "" for outcome in made.outcomes}
        assert areas == expected.get("areas", areas)
        for text in expected.get("not_published", []):
            assert text not in ntriples(made).decode("utf-8")
    if "requests" in expected:
        assert replay.seen == expected["requests"]


def test_every_listed_case_is_there() -> None:
    names = {case.name for case in _cases()}
    assert {
        "two-pages",
        "partial-page",
        "empty-last-page",
        "count-changing",
        "package-show-404",
        "validation-409",
        "html-503-then-success",
        "html-200-maintenance",
        "cut-off-json",
        "natural-person-email",
        "unclassifiable",
        "person-name-beside-office",
        "invalid-iri-in-hvd-category",
        "deeply-nested-json",
        "count-growing-without-end",
        "redirect-to-another-origin",
        "redirect-within-the-portal",
        "empty-after-published",
        "control-characters-in-title",
    } <= names


@pytest.mark.parametrize("name", ["complete-record", "operator-states-personal-data"])
def test_complete_record_passes_the_catalogue_profile(name: str, portal: Any) -> None:
    """A package that has what DCAT-AP needs (an open licence, a Greek title and description,
    a functional area, the personal-data statement, from its extras or the operator) makes
    records the profile accepts."""
    case = _case(name)
    address, _ = portal(case)
    _, made = _harvest(address, case)
    report = validate_ntriples(ntriples(made), "catalogue", "en")
    assert report.conforms, report.text()


def test_source_gaps_are_violations_not_guesses(portal: Any) -> None:
    """A package without a licence or area gets neither: the profile reports what is missing."""
    case = next(case for case in _cases() if case.name == "unclassifiable")
    address, _ = portal(case)
    _, made = _harvest(address, case)
    report = validate_ntriples(ntriples(made), "catalogue", "en")
    paths = {finding.path for finding in report.violations}
    assert any("functionalArea" in str(path) for path in paths), report.text()
    assert any("license" in str(path) for path in paths), report.text()


@pytest.mark.parametrize(
    ("package", "area"),
    [
        ({"title": "Θέσεις στάθμευσης", "groups": [], "tags": []}, "mobility"),
        (
            {"title": "x", "groups": [{"title": "Περιβάλλον"}], "tags": [{"name": "budget"}]},
            "environment",
        ),
        ({"title": "Business register", "groups": [], "tags": []}, None),
        ({"title": "Προϋπολογισμός και προμήθειες", "groups": [], "tags": []}, None),
    ],
)
def test_classification(package: dict[str, Any], area: str | None) -> None:
    """Groups decide before tags and the title; two areas at once, or a word that only starts
    like a keyword («business» is not «bus»), leave the package unclassified."""
    assert classify(package).area == area


# --- publishing --------------------------------------------------------------------------------


@pytest.fixture
def demoi_cli() -> Iterator[Any]:
    """``demoi`` with ``harvest`` registered, as cli.py registers it (added here if it is not)."""
    added = "harvest" not in cli.commands
    if added:
        cli.add_command(harvest)
    yield cli
    if added:
        cli.commands.pop("harvest")


def _store_state(path: Path) -> list[str]:
    store = OxigraphStore(path)
    try:
        solutions = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(" ".join(str(term) for term in row) for row in solutions.rows)
    finally:
        store.close()


def _case(name: str) -> Case:
    return next(case for case in _cases() if case.name == name)


def _invoke(demoi_cli: Any, address: str, *args: str) -> Any:
    return CliRunner().invoke(
        demoi_cli,
        ["harvest", "ckan", address, "--municipality", "0701", "--lang", "en", *args],
        env={"DEMOI_BASE_URI": BASE},
    )


def test_publish_writes_one_graph_with_provenance(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    address, _ = portal(_case("two-pages"))
    store = tmp_path / "store"
    result = _invoke(demoi_cli, address, "--rows", "2", "--store", str(store))
    assert result.exit_code == 0, result.output
    graph = harvest_graph(BASE, "0701", address)
    assert graph == f"{BASE}graph/0701/harvest-127-0-0-1-{address.rsplit(':', 1)[1]}"
    assert "Published" in result.output and graph in result.output
    assert "environment: 1" in result.output and "finance: 1" in result.output
    opened = OxigraphStore(store)
    try:
        asked = opened.query(
            f"""PREFIX prov: <http://www.w3.org/ns/prov#>
            ASK {{ GRAPH <{graph}> {{ ?d a <http://www.w3.org/ns/dcat#Dataset> }}
                  GRAPH <{BASE}graph/provenance> {{
                    <{graph}> prov:wasGeneratedBy ?a . ?a a prov:Activity ; prov:used ?source ;
                    <http://www.w3.org/2000/01/rdf-schema#label> ?label .
                    FILTER(CONTAINS(?label, "demoi harvest ckan")) }} }}"""
        )
        assert asked.boolean
        count = opened.query(
            "SELECT (COUNT(?d) AS ?n) WHERE "
            f"{{ GRAPH <{graph}> {{ ?d a <http://www.w3.org/ns/dcat#Dataset> }} }}"
        )
        assert [str(term) for term in count.rows[0]] == [f'"3"^^<{XSD_INTEGER}>']
    finally:
        opened.close()


def test_failed_harvest_leaves_the_store_unchanged(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    """The second harvest breaks on its second page: the first harvest's graph stays as it
    was, and the exit code is a data error's."""
    store = tmp_path / "store"
    first, _ = portal(_case("two-pages"))
    env = {"DEMOI_BASE_URI": BASE}
    args = ["--municipality", "0701", "--rows", "2", "--store", str(store)]
    assert CliRunner().invoke(demoi_cli, ["harvest", "ckan", first, *args], env=env).exit_code == 0
    before = _store_state(store)
    broken, _ = portal(_case("cut-off-second-page"))
    result = CliRunner().invoke(demoi_cli, ["harvest", "ckan", broken, *args], env=env)
    assert result.exit_code == 1, result.output
    assert "not complete JSON" in result.output
    assert _store_state(store) == before


def test_out_writes_turtle_and_publishes_nothing(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    address, _ = portal(_case("two-pages"))
    out = tmp_path / "harvest.ttl"
    store = tmp_path / "store"
    result = _invoke(demoi_cli, address, "--rows", "2", "--out", str(out), "--store", str(store))
    assert result.exit_code == 0, result.output
    assert isomorphic(
        _graph(out.read_bytes(), "turtle"), _turtle_expected(_case("two-pages"), address)
    )
    assert not store.exists()


def test_usage_errors_exit_2(portal: Any, demoi_cli: Any, tmp_path: Path) -> None:
    address, _ = portal(_case("package-show-404"))
    env = {"DEMOI_BASE_URI": BASE}
    store = ["--store", str(tmp_path / "store")]
    runner = CliRunner()
    refused = runner.invoke(
        demoi_cli, ["harvest", "ckan", address, "--municipality", "0701", *store], env=env
    )
    assert refused.exit_code == 2, refused.output
    assert "Not Found Error" in refused.output and "package_show?id=" in refused.output
    unknown = runner.invoke(
        demoi_cli, ["harvest", "ckan", address, "--municipality", "9999", *store], env=env
    )
    assert unknown.exit_code == 2
    not_a_portal = runner.invoke(
        demoi_cli, ["harvest", "ckan", "ftp://x", "--municipality", "0701", *store], env=env
    )
    assert not_a_portal.exit_code == 2
    too_many = runner.invoke(
        demoi_cli, ["harvest", "ckan", address, "--municipality", "0701", "--rows", "1001", *store]
    )
    assert too_many.exit_code == 2 and "1001" in too_many.output
    assert "Traceback" not in refused.output + unknown.output + not_a_portal.output


def test_personal_data_refuses_the_publication(portal: Any, demoi_cli: Any, tmp_path: Path) -> None:
    address, _ = portal(_case("personal-data-in-notes"))
    store = tmp_path / "store"
    result = CliRunner().invoke(
        demoi_cli,
        ["harvest", "ckan", address, "--municipality", "0701", "--store", str(store)],
        env={"DEMOI_BASE_URI": BASE},
    )
    assert result.exit_code == 1, result.output
    assert "g.papadopoulos" not in result.output  # the refusal masks what it found
    assert not store.exists() or not any("harvest" in line for line in _store_state(store))


def test_two_published_graphs_for_two_portals_are_distinct() -> None:
    assert harvest_graph(BASE, "0701", "https://opendata.thessaloniki.gr/") == (
        f"{BASE}graph/0701/harvest-opendata-thessaloniki-gr"
    )
    assert harvest_graph(BASE, "0701", "https://geodata.gov.gr") == (
        f"{BASE}graph/0701/harvest-geodata-gov-gr"
    )


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        (None, 1.0),
        ("soon", 1.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("²", 1.0),
        ("٣", 1.0),
    ],
)
def test_retry_after_is_seconds_or_a_date(header: str | None, seconds: float) -> None:
    """RFC 9110 §10.2.3: delay-seconds or an HTTP date (one in the past means now); «²» is a
    digit to str.isdigit() but not to float(), and ended the harvest in exit 3."""
    from demoi.harvest.ckan import _retry_after_seconds

    assert _retry_after_seconds(header, 1.0) == seconds


def test_turtle_of_the_records_parses_back() -> None:
    made = records([], portal="https://p.example", base=BASE, municipality=get_municipality("0701"))
    assert len(list(ox.parse(ntriples(made), ox.RdfFormat.N_TRIPLES))) == len(made.triples)


# --- regressions of the review ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["complete-record", "two-pages", "natural-person-email"])
def test_harvested_records_pass_dcat_ap_in_both_passes(name: str, portal: Any) -> None:
    """foaf:homepage was not typed foaf:Document and the xlsx media type was in no code list:
    DCAT-AP 3.0.1's pass 2 (range classes) reported Violations on harvested records."""
    case = _case(name)
    address, _ = portal(case)
    _, made = _harvest(address, case)
    profile = profiles.load("dcat-ap", eu_shapes_dir=str(SHARED_DATA / "dcat-ap-shacl"))
    outcome = conformance.check_triples(made.triples, profile)
    assert {checked.number for checked in outcome.passes} == {1, 2}
    violations = [
        f"{r.focus} {r.path}: {r.message('en')}"
        for r in outcome.results
        if r.severity == "Violation"
    ]
    assert violations == []


def test_answer_larger_than_the_byte_limit_is_a_data_error(portal: Any) -> None:
    """No bound on an answer's size: a portal could make the harvest read without end."""
    case = _case("two-pages")
    address, _ = portal(case)
    client = Client(address, max_bytes=100, retry=Retry(attempts=1))
    with pytest.raises(errors.DataError) as raised:
        client.search(rows=2)
    assert "larger than 100 bytes" in str(raised.value)
    assert f"{address}/api/3/action/package_search" in str(raised.value)


def test_more_datasets_than_max_datasets_stops_with_exit_2(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    """No bound on the number of packages: a portal announcing millions was read to the end."""
    address, replay = portal(_case("two-pages"))
    store = tmp_path / "store"
    result = _invoke(
        demoi_cli, address, "--rows", "2", "--max-datasets", "2", "--store", str(store)
    )
    assert result.exit_code == 2, result.output
    assert "more than --max-datasets 2" in result.output
    assert len(replay.seen) == 1, "stops at the first page that announces too many"
    assert not store.exists()


def test_json_nested_past_the_limit_is_a_data_error() -> None:
    """100 levels parse, but no CKAN answer nests that deep (the deeply-nested-json case has
    5000, which the parser itself refuses)."""
    from demoi.harvest.ckan import _result

    body = ('{"success": true, "result": ' + "[" * 100 + "]" * 100 + "}").encode()
    with pytest.raises(errors.DataError, match="more than 64 levels"):
        _result("http://p.invalid/api/3/action/package_search", 200, "application/json", body)


def test_out_into_a_missing_folder_fails_before_any_request(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    """--out /nonexistent/dir/x.ttl ended in FileNotFoundError (exit 3) after the whole portal
    was read: the folder is checked first."""
    address, replay = portal(_case("two-pages"))
    result = _invoke(demoi_cli, address, "--out", str(tmp_path / "missing" / "x.ttl"))
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.output and "Traceback" not in result.output
    assert replay.seen == []


@pytest.mark.parametrize(
    "name", ["deeply-nested-json", "invalid-iri-in-hvd-category", "count-growing-without-end"]
)
def test_bad_input_exits_1_not_3(name: str, portal: Any, demoi_cli: Any, tmp_path: Path) -> None:
    """Each of these ended in an internal error (exit 3): now a data error (1) or a note (0)."""
    case = _case(name)
    address, _ = portal(case)
    rows = str(case.spec.get("rows", 100))
    result = _invoke(demoi_cli, address, "--rows", rows, "--out", str(tmp_path / "x.ttl"))
    assert result.exit_code == (0 if "turtle" in case.expected else 1), result.output
    assert "Traceback" not in result.output


def test_empty_harvest_keeps_the_published_one(portal: Any, demoi_cli: Any, tmp_path: Path) -> None:
    """A portal answering 0 packages replaced a 33-triple harvest with an empty catalogue:
    it is refused (exit 1, nothing changed) unless --allow-empty."""
    address, _ = portal(_case("empty-after-published"))
    store = ["--store", str(tmp_path / "store")]
    assert _invoke(demoi_cli, address, *store).exit_code == 0
    before = _store_state(tmp_path / "store")
    refused = _invoke(demoi_cli, address, *store)
    assert refused.exit_code == 1, refused.output
    assert "--allow-empty" in refused.output and "was kept" in refused.output
    assert _store_state(tmp_path / "store") == before
    allowed = _invoke(demoi_cli, address, "--allow-empty", *store)
    assert allowed.exit_code == 0, allowed.output
    graph = harvest_graph(BASE, "0701", address)
    datasets = [line for line in _store_state(tmp_path / "store") if line.startswith(f"<{graph}>")]
    assert datasets and not any("dcat#Dataset>" in line for line in datasets)


def test_two_organisations_of_one_portal_keep_two_graphs(
    portal: Any, demoi_cli: Any, tmp_path: Path
) -> None:
    """--organization was not part of the dataset id: one organisation's harvest replaced the
    other's."""
    portal_address = "https://opendata.thessaloniki.gr"
    one = harvest_graph(BASE, "0701", portal_address, "dimos-thessalonikis")
    other = harvest_graph(BASE, "0701", portal_address, "deyath")
    assert one == f"{BASE}graph/0701/harvest-opendata-thessaloniki-gr--dimos-thessalonikis"
    assert len({one, other, harvest_graph(BASE, "0701", portal_address)}) == 3
    # Two dashes part the organisation: host "a-b" and host "a" with organisation "b" differ.
    assert harvest_graph(BASE, "0701", "https://a-b") != harvest_graph(
        BASE, "0701", "https://a", "b"
    )
    case = _case("organization-filter")
    address, _ = portal(case)
    store = tmp_path / "store"
    result = _invoke(
        demoi_cli,
        address,
        "--organization",
        case.spec["organization"],
        "--personal-data",
        "no",
        "--store",
        str(store),
    )
    assert result.exit_code == 0, result.output
    wanted = harvest_graph(BASE, "0701", address, "dimos-thessalonikis")
    assert wanted in result.output
    assert any(line.startswith(f"<{wanted}>") for line in _store_state(store))


def test_summary_escapes_control_characters(portal: Any, demoi_cli: Any, tmp_path: Path) -> None:
    """A title with ANSI escapes reached the terminal raw (it could clear the screen)."""
    address, _ = portal(_case("control-characters-in-title"))
    result = _invoke(demoi_cli, address, "--out", str(tmp_path / "x.ttl"))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "\\x1b[2J\\x1b[31mΧΑΚΑΡΙΣΜΕΝΟ\\x1b[0m \\u202e" in result.output
    assert not any(
        unicodedata.category(ch).startswith("C") for ch in result.output.replace("\n", "")
    )
    assert printable("a\u202eb\n") == "a\\u202eb\\n"


@pytest.mark.parametrize("address", ["http://a b", "http://portal.invalid/<x>"])
def test_portal_address_that_is_no_iri_is_a_usage_error(address: str) -> None:
    """The portal's address becomes foaf:homepage: one that is not an IRI would crash there."""
    from demoi.harvest.ckan import portal_url

    with pytest.raises(errors.UsageError, match="not a portal address"):
        portal_url(address)
