"""The personal-data gate (law 4727/2020, art. 60 §6): lift, load, the Graph Store and SPARQL
Update refuse personal data that no policy treats, change nothing when they do, and let it
through only on an operator's recorded override of one dataset.

The end-to-end case of the issue: a Diavgeia payment decision naming a natural person is refused
without a policy, publishes with a pseudonymisation policy, and the published graph holds no
identifier from the source (the scanner finds nothing, and neither the ΑΦΜ nor the name is in it).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from flask import Flask

from demoi import tokens
from demoi.cli import cli
from demoi.lifting import get_mapping, lift
from demoi.privacy.gate import GuardOptions, PersonalDataFound, allow, overrides, revoke
from demoi.privacy.policy import EMPTY_POLICY, read_policy
from demoi.privacy.scan import scan_graph
from demoi.publishing import publish_lifted
from demoi.server import app_store
from demoi.store.oxigraph import OxigraphStore

BASE = "http://demoi.test/"
EXAMPLE = Path(__file__).parent.parent / "examples" / "decisions" / "4401-2025-decision.json"
GRAPH = f"{BASE}graph/4401/decisions/2025"
PERSON_AFM = "123456783"
PERSON_NAME = "ΠΑΠΑΔΟΠΟΥΛΟΣ,,ΓΕΩΡΓΙΟΣ,ΙΩΑΝΝΗΣ"
SECRET = "a-key-only-these-tests-know"
PSEUDONYMISE = """
[[column]]
table = "items"
name = "beneficiary_person"
treatment = "pseudonymise"
reason = { el = "Δικαιούχοι φυσικά πρόσωπα", en = "Beneficiaries who are natural persons" }

[[column]]
table = "contractors"
name = "person"
treatment = "drop"
reason = { el = "Ανάδοχοι φυσικά πρόσωπα", en = "Contractors who are natural persons" }
"""


def payment_to_a_person(folder: Path) -> Path:
    """The example commitment made a payment (Β.2.2) whose second line is paid to a natural
    person, as Diavgeia gives one: the registry's name form and a valid ΑΦΜ."""
    decision = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    payment = copy.deepcopy(decision)
    payment["decisionTypeId"] = "Β.2.2"
    payment["ada"] = "ΨΖ7ΛΩΞΑ-Κ2Μ"
    payment["subject"] = "ΠΛΗΡΩΜΗ ΔΑΠΑΝΗΣ ΓΙΑ ΕΠΙΣΚΕΥΗ ΦΩΤΙΣΤΙΚΩΝ"
    lines = payment["extraFieldValues"].pop("amountWithKae")
    lines[1]["sponsorAFMName"] = {
        "afm": PERSON_AFM,
        "afmType": "EL",
        "afmCountry": "EL",
        "enterName": False,
        "name": PERSON_NAME,
    }
    payment["extraFieldValues"]["sponsor"] = [
        {**line, "expenseAmount": line.pop("amountWithVAT")} for line in lines
    ]
    payment["extraFieldValues"]["relatedDecisions"] = [decision["ada"]]
    source = folder / "4401-2025-payment.json"
    source.write_text(json.dumps([decision, payment], ensure_ascii=False), encoding="utf-8")
    return source


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return payment_to_a_person(tmp_path)


@pytest.fixture
def pseudonymising(tmp_path: Path) -> Path:
    policy = tmp_path / "pseudonymise.privacy.toml"
    policy.write_text(PSEUDONYMISE, encoding="utf-8")
    return policy


def lifted_with(source: Path, **options: object):  # type: ignore[no-untyped-def]
    return lift(
        source,
        get_mapping("diavgeia-decisions"),
        municipality="4401",
        parameters={"year": "2025"},
        base_uri=BASE,
        guard=GuardOptions(**options),  # type: ignore[arg-type]
    )


def test_a_payment_to_a_natural_person_without_a_policy_is_refused_naming_where(
    source: Path,
) -> None:
    with pytest.raises(PersonalDataFound) as refused:
        lifted_with(source, policy=EMPTY_POLICY, language="en")
    (finding,) = refused.value.findings
    assert finding.where.table == "items"
    assert finding.where.column == "beneficiary_person"
    assert finding.where.row is not None
    message = str(refused.value)
    assert "nothing was published" in message and "beneficiary_person" in message
    assert PERSON_AFM not in message and "ΠΑΠΑΔΟΠΟΥΛΟΣ" not in message


def test_with_a_pseudonymisation_policy_it_publishes_and_the_graph_is_clean(
    source: Path, pseudonymising: Path, store: OxigraphStore
) -> None:
    lifted = lifted_with(source, policy=read_policy(pseudonymising), secret=SECRET)
    publish_lifted(store, lifted, base_uri=BASE)
    assert scan_graph(store, GRAPH) == []
    published = "".join(str(quad) for quad in store.quads(GRAPH))
    assert PERSON_AFM not in published
    assert "ΠΑΠΑΔΟΠΟΥΛΟΣ" not in published and "ΓΕΩΡΓΙΟΣ" not in published
    pseudonyms = pseudonyms_in(store)
    assert len(pseudonyms) == 1 and pseudonyms[0].startswith("ps-")
    recorded = store.query(
        "ASK { GRAPH ?g { ?activity <https://w3id.org/demoi/def/privacy#policy> "
        f"<urn:sha256:{hashlib.sha256(pseudonymising.read_bytes()).hexdigest()}> }} }}"
    ).boolean
    assert recorded


def test_pseudonyms_are_stable_across_runs_and_change_with_the_key(
    source: Path, pseudonymising: Path, store: OxigraphStore
) -> None:
    policy = read_policy(pseudonymising)
    publish_lifted(store, lifted_with(source, policy=policy, secret=SECRET), base_uri=BASE)
    first = pseudonyms_in(store)
    publish_lifted(store, lifted_with(source, policy=policy, secret=SECRET), base_uri=BASE)
    assert pseudonyms_in(store) == first
    publish_lifted(
        store, lifted_with(source, policy=policy, secret="another key, just as long"), base_uri=BASE
    )
    assert pseudonyms_in(store) != first


def test_the_shipped_policy_drops_the_person_and_keeps_the_line(
    source: Path, store: OxigraphStore
) -> None:
    publish_lifted(store, lifted_with(source), base_uri=BASE)
    assert scan_graph(store, GRAPH) == []
    assert pseudonyms_in(store) == []
    lines = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?line a "
        "<https://w3id.org/demoi/def/decisions#ExpenditureItem> } }"
    ).rows
    assert lines[0][0].value == "4"  # both decisions' two lines: the person's line stays


def test_the_catalogue_states_the_anonymisation_applied(
    source: Path, pseudonymising: Path, store: OxigraphStore
) -> None:
    lifted = lifted_with(source, policy=read_policy(pseudonymising), secret=SECRET)
    publish_lifted(store, lifted, base_uri=BASE)
    rows = store.query(
        """PREFIX cat: <https://w3id.org/demoi/def/catalogue#>
        SELECT ?personal ?statement WHERE { GRAPH ?g {
          ?dataset cat:containsPersonalData ?personal ; cat:anonymisation ?statement } }"""
    ).rows
    statements = {row[1].language: row[1].value for row in rows}
    assert {row[0].value for row in rows} == {"true"}
    assert "HMAC-SHA256" in statements["en"] and "beneficiary_person" in statements["en"]
    assert "beneficiary_person" in statements["el"]


def test_a_pseudonymisation_policy_without_a_key_is_refused(
    source: Path, pseudonymising: Path
) -> None:
    with pytest.raises(Exception) as refused:
        lifted_with(source, policy=read_policy(pseudonymising), secret="")
    assert "DEMOI_PSEUDONYMISATION_SECRET" in str(refused.value)


def pseudonyms_in(store: OxigraphStore) -> list[str]:
    rows = store.query(
        "SELECT ?p WHERE { GRAPH ?g { ?line "
        "<https://w3id.org/demoi/def/decisions#beneficiaryPseudonym> ?p } } ORDER BY ?p"
    ).rows
    return [row[0].value for row in rows]


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def run(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("DEMOI_BASE_URI", BASE)

    def invoke(*args: str) -> Result:
        result = CliRunner().invoke(cli, [*args, "--store", str(store_path)])
        assert "Traceback" not in result.output
        return result

    return invoke


def lift_args(source: Path, *more: str) -> tuple[str, ...]:
    return ("lift", str(source), "--mapping", "diavgeia-decisions", "--municipality", "4401",
            "--year", "2025", *more)  # fmt: skip


def test_lift_without_a_policy_exits_1_and_publishes_nothing(
    run: Callable[..., Result], source: Path, tmp_path: Path, store_path: Path
) -> None:
    empty = tmp_path / "empty.privacy.toml"
    empty.write_text("# no treatments\n", encoding="utf-8")
    result = run(*lift_args(source, "--privacy-policy", str(empty)))
    assert result.exit_code == 1
    assert "items" in result.output and "beneficiary_person" in result.output
    assert PERSON_AFM not in result.output
    assert GRAPH not in run("graphs").output


def test_lift_with_a_pseudonymisation_policy_and_the_key_publishes(
    run: Callable[..., Result],
    source: Path,
    pseudonymising: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEMOI_PSEUDONYMISATION_SECRET", SECRET)
    result = run(*lift_args(source, "--privacy-policy", str(pseudonymising)))
    assert result.exit_code == 0, result.output
    scanned = run("privacy", "scan", "--graph", GRAPH)
    assert scanned.exit_code == 0, scanned.output


PERSON_TURTLE = f"""
<http://demoi.test/id/request/1> <http://purl.org/dc/terms/description>
    "Αίτηση του δημότη με ΑΦΜ {PERSON_AFM}, τηλ. 6912345678" .
""".encode()


def test_load_refuses_personal_data_until_the_operator_overrides_that_graph(
    run: Callable[..., Result], tmp_path: Path, store_path: Path
) -> None:
    data = tmp_path / "requests.ttl"
    data.write_bytes(PERSON_TURTLE)
    target = f"{BASE}graph/4401/requests"
    refused = run("load", str(data), "--graph", target)
    assert refused.exit_code == 1
    assert "requests.ttl" in refused.output and PERSON_AFM not in refused.output
    assert "6912345678" not in refused.output
    with OxigraphStore(store_path) as opened:
        assert list(opened.quads(target)) == []
        allow(opened, BASE, target, reason="Court order: the register is published in full")
    assert run("load", str(data), "--graph", target).exit_code == 0
    with OxigraphStore(store_path) as opened:
        assert len(list(opened.quads(target))) == 1
        (override,) = overrides(opened, BASE).values()
        assert override.reason.startswith("Court order")
        recorded = opened.query(
            "ASK { GRAPH ?g { ?activity <https://w3id.org/demoi/def/privacy#overriddenBy> "
            f"<{override.iri}> ; <http://www.w3.org/ns/prov#generated> <{target}> }} }}"
        ).boolean
        assert recorded
        assert revoke(opened, BASE, target)
        assert overrides(opened, BASE) == {}
    assert run("load", str(data), "--graph", target).exit_code == 1


def test_an_override_needs_a_reason(store: OxigraphStore) -> None:
    with pytest.raises(Exception, match="reason"):
        allow(store, BASE, f"{BASE}graph/4401/requests", reason="because")


# -- the Graph Store and SPARQL Update --------------------------------------------------------

TARGET = f"{BASE}graph/4401/requests"


@pytest.fixture
def writable(make_app: Callable[..., Flask], tmp_path: Path) -> tuple[Flask, str]:
    path = tmp_path / "secrets" / "tokens.json"
    app = make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(path))
    return app, tokens.create(path, "4401")[1]


def test_a_graph_store_upload_with_personal_data_is_422_and_writes_nothing(
    writable: tuple[Flask, str],
) -> None:
    app, secret = writable
    for method in ("PUT", "POST"):
        answer = app.test_client().open(
            f"/graph-store?graph={TARGET}",
            method=method,
            data=PERSON_TURTLE,
            content_type="text/turtle",
            headers={"Authorization": f"Bearer {secret}"},
        )
        assert answer.status_code == 422, answer.json
        error = answer.json["error"]
        assert error["code"] == "personal-data"
        kinds = {detail["kind"] for detail in error["details"]}
        assert kinds == {"afm", "phone"}
        assert PERSON_AFM not in answer.get_data(as_text=True)
        assert list(app_store(app).quads(TARGET)) == []


def test_a_clean_graph_store_upload_still_works(writable: tuple[Flask, str]) -> None:
    app, secret = writable
    answer = app.test_client().put(
        f"/graph-store?graph={TARGET}",
        data='<http://demoi.test/id/x> <http://purl.org/dc/terms/title> "Αίτηση" .'.encode(),
        content_type="text/turtle",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert answer.status_code == 201


def update(app: Flask, secret: str, text: str):  # type: ignore[no-untyped-def]
    return app.test_client().post(
        "/sparql",
        data={"update": text},
        headers={"Authorization": f"Bearer {secret}"},
    )


def test_an_update_that_inserts_personal_data_is_422_and_changes_nothing(
    writable: tuple[Flask, str],
) -> None:
    app, secret = writable
    answer = update(
        app,
        secret,
        f"INSERT DATA {{ GRAPH <{TARGET}> {{ <{BASE}id/x> <urn:p> "
        '"IBAN GR1601101250000000012300695" } }',
    )
    assert answer.status_code == 422
    assert answer.json["error"]["details"][0]["kind"] == "iban"
    assert list(app_store(app).quads(TARGET)) == []


def test_an_update_that_computes_an_identifier_is_undone(writable: tuple[Flask, str]) -> None:
    """Pieces of an ΑΦΜ that the text check cannot see are joined from the store's own data: the
    update runs, the gate finds the result, and the graph is put back as it was."""
    app, secret = writable
    pieces = f'<{BASE}id/x> <urn:a> "{PERSON_AFM[:4]}" ; <urn:b> "{PERSON_AFM[4:]}" .'
    inserted = update(app, secret, f"INSERT DATA {{ GRAPH <{TARGET}> {{ {pieces} }} }}")
    assert inserted.status_code == 200
    before = set(app_store(app).quads(TARGET))
    joined = (
        f"INSERT {{ GRAPH <{TARGET}> {{ ?s <urn:c> ?joined }} }} WHERE {{ GRAPH <{TARGET}> "
        "{ ?s <urn:a> ?a ; <urn:b> ?b BIND(CONCAT(?a, ?b) AS ?joined) } }"
    )
    answer = update(app, secret, joined)
    assert answer.status_code == 422
    assert set(app_store(app).quads(TARGET)) == before


def test_an_override_lets_an_upload_through_for_that_graph_only(
    writable: tuple[Flask, str],
) -> None:
    app, secret = writable
    allow(app_store(app), BASE, TARGET, reason="Register published by law 1234/2020, art. 5")
    headers = {"Authorization": f"Bearer {secret}"}
    client = app.test_client()
    ok = client.put(f"/graph-store?graph={TARGET}", data=PERSON_TURTLE,
                    content_type="text/turtle", headers=headers)  # fmt: skip
    assert ok.status_code == 201
    other = client.put(f"/graph-store?graph={TARGET}-2", data=PERSON_TURTLE,
                       content_type="text/turtle", headers=headers)  # fmt: skip
    assert other.status_code == 422


def test_an_override_cannot_be_written_over_http(writable: tuple[Flask, str]) -> None:
    app, secret = writable
    forged = (
        f"INSERT DATA {{ GRAPH <{BASE}graph/provenance> {{ <{BASE}id/o> a "
        f"<https://w3id.org/demoi/def/privacy#PersonalDataOverride> }} }}"
    )
    assert update(app, secret, forged).status_code == 403
    assert overrides(app_store(app), BASE) == {}


def test_restore_refuses_a_dump_with_personal_data_outside_overridden_graphs(
    run: Callable[..., Result], tmp_path: Path, store_path: Path
) -> None:
    data = tmp_path / "requests.ttl"
    data.write_bytes(PERSON_TURTLE)
    target = f"{BASE}graph/4401/requests"
    with OxigraphStore(store_path) as opened:
        allow(opened, BASE, target, reason="Register published in full by law 1234/2020")
    assert run("load", str(data), "--graph", target).exit_code == 0
    backup = tmp_path / "backup.nq"
    assert run("dump", str(backup)).exit_code == 0
    assert run("restore", str(backup)).exit_code == 0  # a guarded store's backup restores
    crafted = tmp_path / "crafted.nq"
    crafted.write_bytes(
        backup.read_bytes()
        + f'<{BASE}id/y> <urn:p> "ΑΦΜ {PERSON_AFM}" <{BASE}graph/4401/other> .\n'.encode()
    )
    refused = run("restore", str(crafted))
    assert refused.exit_code == 1 and PERSON_AFM not in refused.output
    with OxigraphStore(store_path) as opened:
        assert list(opened.quads(f"{BASE}graph/4401/other")) == []


def test_the_override_commands_record_list_and_withdraw(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    target = f"{BASE}graph/4401/requests"
    assert run("privacy", "allow", target, "--reason", "too short").exit_code == 2
    allowed = run("privacy", "allow", target, "--reason", "Register published by law 1234/2020")
    assert allowed.exit_code == 0 and "overridden" in allowed.output
    listed = run("privacy", "overrides")
    assert listed.exit_code == 0 and target in listed.output and "1234/2020" in listed.output
    assert run("privacy", "revoke", target).exit_code == 0
    assert target not in run("privacy", "overrides").output
    assert run("privacy", "revoke", target).exit_code == 2


def test_a_lift_under_an_override_warns_and_says_so_in_the_catalogue(
    run: Callable[..., Result], source: Path, store_path: Path
) -> None:
    """A subject naming a person's ΑΦΜ is refused by the shipped policy; an operator's override
    of the graph lets it through, with a warning and the reason in the catalogue."""
    decisions = json.loads(source.read_text(encoding="utf-8"))
    decisions[1]["subject"] += f" ΣΤΟΝ ΔΙΚΑΙΟΥΧΟ ΜΕ ΑΦΜ {PERSON_AFM}"
    source.write_text(json.dumps(decisions, ensure_ascii=False), encoding="utf-8")
    refused = run(*lift_args(source))
    assert refused.exit_code == 1 and "title" in refused.output
    reason = "Payments to persons published by decision 12/2025 of the council"
    assert run("privacy", "allow", GRAPH, "--reason", reason).exit_code == 0
    lifted = run(*lift_args(source))
    assert lifted.exit_code == 0, lifted.output
    assert "overridden" in lifted.output
    with OxigraphStore(store_path) as opened:
        statements = opened.query(
            "SELECT ?s WHERE { GRAPH ?g { ?d <https://w3id.org/demoi/def/catalogue#anonymisation> "
            '?s FILTER(lang(?s) = "en") } }'
        ).rows
    assert reason in statements[0][0].value


def test_a_short_pseudonymisation_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found in review: «x» was accepted, and a short key lets anyone try every ΑΦΜ."""
    monkeypatch.setenv("DEMOI_PSEUDONYMISATION_SECRET", "x")
    result = CliRunner().invoke(cli, ["settings"])
    assert result.exit_code == 2 and "at least 16 characters" in result.output
    assert "Traceback" not in result.output


def test_an_admin_update_that_computes_personal_data_into_the_default_graph_is_undone(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    """Found in review: the after-check saw named graphs only."""
    path = tmp_path / "secrets" / "tokens.json"
    app = make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(path))
    secret = tokens.create(path, tokens.ADMIN)[1]
    pieces = '<urn:x> <urn:a> "6912" ; <urn:b> "345678" .'
    assert update(app, secret, f"INSERT DATA {{ {pieces} }}").status_code == 200
    before = set(app_store(app).quads())
    join = "?s <urn:a> ?a ; <urn:b> ?b BIND(CONCAT(?a, ?b) AS ?j)"
    joined = f"INSERT {{ ?s <urn:c> ?j }} WHERE {{ {join} }}"
    assert update(app, secret, joined).status_code == 422
    everywhere = (
        f"INSERT {{ GRAPH ?g {{ <urn:y> <urn:p> ?j }} }} WHERE {{ {join} "
        f"BIND(<{BASE}graph/4401/x> AS ?g) }}"
    )
    assert update(app, secret, everywhere).status_code == 422
    assert set(app_store(app).quads()) == before


def test_a_reason_naming_a_person_is_refused(store: OxigraphStore, tmp_path: Path) -> None:
    """Found in review: reasons are published (provenance, catalogue) and were not scanned."""
    with pytest.raises(Exception, match="personal identifier"):
        allow(store, BASE, f"{BASE}graph/4401/x", reason=f"Requested by ΑΦΜ {PERSON_AFM}")


def test_a_load_records_the_file_name_masked(
    run: Callable[..., Result], tmp_path: Path, store_path: Path
) -> None:
    """Found in review: a file named after a person put the name into the provenance."""
    data = tmp_path / f"αίτηση {PERSON_AFM}.ttl"
    data.write_text('<http://demoi.test/id/x> <urn:p> "ok" .', encoding="utf-8")
    assert run("load", str(data), "--graph", f"{BASE}graph/4401/x").exit_code == 0
    with OxigraphStore(store_path) as opened:
        recorded = " ".join(str(quad) for quad in opened.quads(f"{BASE}graph/provenance"))
    assert PERSON_AFM not in recorded and "*******83" in recorded


def test_an_operators_policy_cannot_declare_a_column_not_personal(
    source: Path, tmp_path: Path
) -> None:
    """Found in review: a --privacy-policy with not-personal published an e-mail unrecorded."""
    policy = tmp_path / "keep.privacy.toml"
    policy.write_text(
        '[[column]]\ntable = "items"\nname = "beneficiary_person"\ntreatment = "not-personal"\n'
        'kinds = ["afm"]\nreason = { el = "Κανένας λόγος εδώ", en = "No reason here" }\n',
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="demoi privacy allow"):
        lifted_with(source, policy=read_policy(policy))


# -- the re-review's regressions ----------------------------------------------------------------


def test_an_update_is_taken_back_whole_when_a_blank_node_is_in_two_graphs(
    writable: tuple[Flask, str],
) -> None:
    """Found in re-review: the undo by INSERT DATA failed on a blank node shared by two graphs,
    and the mobile number stayed published."""
    app, secret = writable
    x, y = f"{BASE}graph/4401/x", f"{BASE}graph/4401/y"
    shared = (
        f'INSERT DATA {{ GRAPH <{x}> {{ _:b <urn:n> "1" . <urn:s> <urn:a> "6912" ; '
        f'<urn:b> "345678" }} GRAPH <{y}> {{ _:b <urn:n> "2" }} }}'
    )
    assert update(app, secret, shared).status_code == 200
    store = app_store(app)
    before = set(store.quads())
    computed = (
        f"INSERT {{ GRAPH <{x}> {{ ?s <urn:c> ?j }} GRAPH <{y}> {{ ?s <urn:d> 1 }} }} WHERE {{ "
        f"GRAPH <{x}> {{ ?s <urn:a> ?a ; <urn:b> ?b BIND(CONCAT(?a, ?b) AS ?j) }} }}"
    )
    assert update(app, secret, computed).status_code == 422
    assert set(store.quads()) == before  # blank nodes kept their identity too


def test_a_node_typed_as_an_organisation_in_another_graph_does_not_launder_a_mobile(
    writable: tuple[Flask, str],
) -> None:
    """Found in re-review: <p> a org:Organization in graph a, then a person's mobile, ΑΦΜ and
    gmail address about <p> in graph b, was accepted."""
    app, secret = writable
    headers = {"Authorization": f"Bearer {secret}"}
    client = app.test_client()
    typed = f"<{BASE}id/p> a <http://www.w3.org/ns/org#Organization> ."
    assert client.put(f"/graph-store?graph={BASE}graph/4401/a", data=typed.encode(),
                      content_type="text/turtle", headers=headers).status_code == 201  # fmt: skip
    about = f'<{BASE}id/p> <urn:mobile> "6912345678" ; <urn:mail> "g.papadopoulos@gmail.com" .'
    answer = client.put(f"/graph-store?graph={BASE}graph/4401/b", data=about.encode(),
                        content_type="text/turtle", headers=headers)  # fmt: skip
    assert answer.status_code == 422
    assert {detail["kind"] for detail in answer.json["error"]["details"]} == {"phone", "email"}


def test_after_a_revoke_the_graph_can_still_be_edited_and_cleaned(
    writable: tuple[Flask, str],
) -> None:
    """Found in re-review: every write to a graph holding what an override let in was refused,
    deleting the personal data included; only what a write adds counts."""
    app, secret = writable
    store = app_store(app)
    allow(store, BASE, TARGET, reason="Register published by law 1234/2020, art. 5")
    headers = {"Authorization": f"Bearer {secret}"}
    client = app.test_client()
    assert client.put(f"/graph-store?graph={TARGET}", data=PERSON_TURTLE,
                      content_type="text/turtle", headers=headers).status_code == 201  # fmt: skip
    assert revoke(store, BASE, TARGET)
    clean = f'INSERT DATA {{ GRAPH <{TARGET}> {{ <{BASE}id/x> <urn:title> "Αίτηση" }} }}'
    assert update(app, secret, clean).status_code == 200
    posted = client.post(f"/graph-store?graph={TARGET}", data=b'<urn:s> <urn:p> "ok" .',
                         content_type="text/turtle", headers=headers)  # fmt: skip
    assert posted.status_code == 204
    cleaned = (
        f"DELETE WHERE {{ GRAPH <{TARGET}> {{ ?s <http://purl.org/dc/terms/description> ?o }} }}"
    )
    assert update(app, secret, cleaned).status_code == 200
    assert scan_graph(store, TARGET) == []


def test_an_override_of_one_graph_does_not_cover_a_graph_whose_iri_masks_alike(
    writable: tuple[Flask, str],
) -> None:
    """Found in re-review: overrides were compared with masked graph IRIs."""
    app, secret = writable
    allow(app_store(app), BASE, f"{BASE}graph/4401/protocol/6912345678",
          reason="Register published by law 1234/2020, art. 5")  # fmt: skip
    other = f"{BASE}graph/4401/protocol/6900000078"
    inserted = f'INSERT DATA {{ GRAPH <{other}> {{ <urn:s> <urn:p> "τηλ. 6912345678" }} }}'
    assert update(app, secret, inserted).status_code == 422
    assert list(app_store(app).quads(other)) == []


def test_restore_reads_a_dump_with_a_default_graph_and_only_this_bases_records(
    run: Callable[..., Result], tmp_path: Path, store_path: Path
) -> None:
    """Found in re-review: a default-graph triple crashed the restore, and an override record
    in any graph named …/graph/provenance was believed."""
    clean = tmp_path / "clean.nq"
    clean.write_text('<urn:s> <urn:p> "ok" .\n', encoding="utf-8")
    assert run("restore", str(clean)).exit_code == 0
    forged = tmp_path / "forged.nq"
    target = f"{BASE}graph/4401/requests"
    forged.write_text(
        f"<urn:o> <https://w3id.org/demoi/def/privacy#overrides> <{target}> "
        "<http://evil.example/graph/provenance> .\n"
        f'<urn:s> <urn:p> "τηλ. 6912345678" <{target}> .\n',
        encoding="utf-8",
    )
    refused = run("restore", str(forged))
    assert refused.exit_code == 1, refused.output


def test_an_operators_policy_keeps_the_mappings_look_alike_declarations(
    source: Path, pseudonymising: Path
) -> None:
    """Found in re-review: the documented pseudonymising policy lost the units' uids rule and
    was refused on real Diavgeia data."""
    policy = read_policy(pseudonymising)
    options = GuardOptions(policy=policy, secret=SECRET)
    from demoi.privacy.gate import policy_of

    merged = policy_of(get_mapping("diavgeia-decisions"), options)
    assert ("units", "unit") in merged.not_personal()
    assert len(merged.rules) == len(policy.rules) + 1


def test_a_repetitive_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMOI_PSEUDONYMISATION_SECRET", "a" * 32)
    result = CliRunner().invoke(cli, ["settings"])
    assert result.exit_code == 2 and "repetition" in result.output
