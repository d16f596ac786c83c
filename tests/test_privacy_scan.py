"""Scanning tables, RDF and source files for personal data (issue 7), and `demoi privacy scan`.

Both directions are tested: a natural person's identifier put anywhere (a cell of any column,
free text, a literal, an IRI, a graph name) is found, at the right place and masked; and what
belongs to legal entities, codes by definition and the standards' own examples is not (the demo
store, every graph of it, finds nothing).
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from demoi.cli import cli
from demoi.errors import DataError, RdfSyntaxError, UsageError
from demoi.lifting.tabular import Table
from demoi.privacy.detect import Kind, find_identifiers
from demoi.privacy.scan import (
    Finding,
    StoreContext,
    Where,
    candidates,
    counts,
    is_entity_name_column,
    is_functional_local_part,
    masked_iri,
    scan_graph,
    scan_path,
    scan_quads,
    scan_rdf_bytes,
    scan_tables,
    sniff_delimiter,
)
from demoi.server import app_store
from demoi.store import OxigraphStore
from test_privacy_identifiers import CORPUS, PROFILE

# --- identifiers of a natural person, computed here by the published rules ----------------


def afm(first_eight: str) -> str:
    total = sum(int(digit) * 2 ** (8 - index) for index, digit in enumerate(first_eight))
    return first_eight + str(total % 11 % 10)


def amka(birth: datetime.date, serial: str) -> str:
    partial = birth.strftime("%d%m%y") + serial
    total = 0
    for index, char in enumerate(reversed(partial)):
        value = int(char) * (1 if index % 2 else 2)
        total += value - 9 if value > 9 else value
    return partial + str((10 - total % 10) % 10)


def iban(bban: str) -> str:
    number = int("".join(str(int(char, 36)) for char in bban + "GR00"))
    return f"GR{98 - number % 97:02d}{bban}"


PERSON_AFM = afm("12345678")  # 123456783: series 1, a natural person's
COMPANY_AFM = "094519829"  # series 0, a company's (ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ) in the examples
PUBLIC_BODY_AFM = "997911992"  # Δήμος Καλαμάτας, in the organisation code list
PERSON_AMKA = amka(datetime.date(1985, 3, 15), "1234")
PERSON_IBAN = iban("01101250000000012300695")
PERSON_MOBILE = "6912345678"
PERSON_EMAIL = "g.papadopoulos@gmail.com"

PERSONAL = {
    Kind.AFM: PERSON_AFM,
    Kind.AMKA: PERSON_AMKA,
    Kind.IBAN: PERSON_IBAN,
    Kind.PHONE: PERSON_MOBILE,
    Kind.EMAIL: PERSON_EMAIL,
}

BASE = "http://demoi.test/"
EX = "http://demoi.test/def#"
LEGAL = "http://www.w3.org/ns/legal#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def kinds_of(findings: list[Finding]) -> list[Kind]:
    return [finding.kind for finding in findings]


def shown(findings: list[Finding]) -> str:
    """Everything a user could see of the findings, in both languages and as JSON."""
    return "\n".join(
        [finding.line(language) for finding in findings for language in ("el", "en")]
        + [json.dumps([finding.as_json() for finding in findings], ensure_ascii=False)]
    )


def table(columns: list[str], *rows: list[str], file: str = "4401-2025.csv") -> Table:
    return Table(
        columns, [list(row) for row in rows], "utf-8", list(range(2, len(rows) + 2)), file=file
    )


# --- the prefilter loses nothing ---------------------------------------------------------------


def test_prefilter_passes_every_text_of_the_labelled_corpus_with_an_identifier() -> None:
    for text, _ in CORPUS:
        assert candidates(text) == find_identifiers(text), text


@PROFILE
@given(
    kind=st.sampled_from(sorted(PERSONAL)),
    before=st.text(alphabet="αβγ ΑΒΓ abc,.;:-/()0123456789", max_size=20),
    after=st.text(alphabet="αβγ ΑΒΓ abc,.;:-/()0123456789", max_size=20),
)
def test_prefilter_keeps_identifiers_in_any_text(kind: Kind, before: str, after: str) -> None:
    text = f"{before} {PERSONAL[kind]} {after}"
    assert candidates(text) == find_identifiers(text)


def test_prefilter_skips_amounts_dates_and_kae_codes() -> None:
    for text in ("6051.01.01", "4.610.000,00", "2024-07-12", "12/07/2024", "00.6121.01"):
        assert candidates(text) == []


# --- tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_a_persons_identifier_is_found_in_any_column_with_its_row_and_column(kind: Kind) -> None:
    value = PERSONAL[kind]
    tables = {
        "source": table(
            ["code", "remarks"],
            ["1", "τίποτα"],
            ["2", f"Πληρωμή στον δικαιούχο {value}, αρ. πρωτ. 12345/2024"],
        )
    }
    findings = scan_tables(tables, source="4401-2025.csv")
    assert kinds_of(findings) == [kind]
    assert findings[0].where == Where(file="4401-2025.csv", row=3, column="remarks")
    assert findings[0].where.text() == "4401-2025.csv, row 3, column remarks"
    assert value not in shown(findings)


def test_a_legal_entitys_afm_in_its_row_is_not_personal_anywhere_in_the_scan() -> None:
    tables = {
        "contracts": table(
            ["contractor_afm", "contractor_name"],
            [COMPANY_AFM, "ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΜΕΣΣΗΝΙΑΣ ΑΝΩΝΥΜΗ ΕΜΠΟΡΙΚΗ ΕΤΑΙΡΕΙΑ"],
            [PERSON_AFM, "ΠΑΠΑΔΑΚΗΣ,,ΝΙΚΟΛΑΟΣ,ΓΕΩΡΓΙΟΣ"],
        ),
        "payments": table(["note"], [f"εξόφληση τιμολογίου ΑΦΜ {COMPANY_AFM}"]),
    }
    findings = scan_tables(tables, source="contracts.json")
    assert [(f.kind, f.where.table, f.where.row, f.where.column) for f in findings] == [
        (Kind.AFM, "contracts", 3, "contractor_afm"),
        (Kind.PERSON_NAME, "contracts", 3, "contractor_name"),
    ]
    assert findings[1].masked == "Π.,,Ν.,Γ."


def test_a_sole_traders_afm_beside_a_name_without_legal_form_is_personal() -> None:
    tables = {"source": table(["afm", "name"], [PERSON_AFM, "ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ"])}
    assert kinds_of(scan_tables(tables, source="x.csv")) == [Kind.AFM]


def test_public_bodies_and_the_8_and_9_series_are_legal_persons() -> None:
    tables = {"source": table(["afm"], [PUBLIC_BODY_AFM], [afm("80132457")], [afm("99881234")])}
    assert scan_tables(tables, source="x.csv") == []


def test_joint_venture_cells_pair_the_names_and_numbers_in_order() -> None:
    tables = {
        "source": table(
            ["ΑΦΜ Αναδόχου", "Ανάδοχος"],
            [f"{COMPANY_AFM} | {PERSON_AFM}", "ΓΕΩΤΕΧΝΙΚΗ Ε.Π.Ε. | ΠΑΠΑΔΑΚΗΣ,,ΝΙΚΟΛΑΟΣ,ΓΕΩΡΓΙΟΣ"],
        )
    }
    findings = scan_tables(tables, source="x.csv")
    assert [(f.kind, f.masked) for f in findings] == [
        (Kind.AFM, "*******83"),
        (Kind.PERSON_NAME, "Π.,,Ν.,Γ."),
    ]


def test_person_name_columns_are_recognised_by_their_source_header() -> None:
    tables = {"source": table(["beneficiary", "amount"], ["Γεώργιος Παπαδόπουλος", "100,00"])}
    assert scan_tables(tables, source="x.csv") == []
    findings = scan_tables(
        tables, source="x.csv", headers={"beneficiary": ["Ονοματεπώνυμο δικαιούχου"]}
    )
    assert [(f.kind, f.masked, f.where.column) for f in findings] == [
        (Kind.PERSON_NAME, "Γ. Π.", "beneficiary")
    ]


def test_a_legal_entity_in_a_person_name_column_is_not_a_person() -> None:
    tables = {"source": table(["Ονοματεπώνυμο"], ["ΤΕΧΝΟΣΥΝΕΡΓΕΙΑ ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε."])}
    assert scan_tables(tables, source="x.csv") == []


def test_a_column_declared_not_personal_for_a_kind_passes_only_that_kind() -> None:
    tables = {"source": table(["meter_id"], ["ΥΜ-100000"], [f"ΥΜ-100000 {PERSON_MOBILE}"])}
    assert kinds_of(scan_tables(tables, source="x.json")) == [Kind.ADT, Kind.ADT, Kind.PHONE]
    declared = {("source", "meter_id"): frozenset({Kind.ADT})}
    assert kinds_of(scan_tables(tables, source="x.json", not_personal=declared)) == [Kind.PHONE]


def test_diavgeia_uids_are_codes_not_tax_numbers() -> None:
    uid = afm("10701003")  # a unit uid with an ΑΦΜ's check digit by chance
    tables = {"source": table(["uid", "unitIds", "DIAVGEIA_UID", "note"], [uid, uid, uid, uid])}
    findings = scan_tables(tables, source="x.json")
    assert [(f.kind, f.where.column) for f in findings] == [(Kind.AFM, "note")]


def test_entity_name_columns() -> None:
    for header in ("Επωνυμία αναδόχου", "name", "legal_name", "legalName", "Φορέας", "company"):
        assert is_entity_name_column(header), header
    for header in ("Επώνυμο", "Ονοματεπώνυμο", "Όνομα πατρός", "amount"):
        assert not is_entity_name_column(header), header


# --- RDF ---------------------------------------------------------------------------------------


def ttl(text: str) -> list[Finding]:
    prefixes = (
        f"@prefix ex: <{EX}> . @prefix legal: <{LEGAL}> . "
        "@prefix org: <http://www.w3.org/ns/org#> . "
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
        "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> . "
        "@prefix dorg: <https://w3id.org/demoi/def/organisation#> . "
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    )
    return scan_rdf_bytes((prefixes + text).encode(), ox.RdfFormat.TRIG, base_iri=BASE)


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_a_persons_identifier_in_a_literal_is_found_at_its_triple(kind: Kind) -> None:
    findings = ttl(f'<id/payment/1> ex:note "δικαιούχος {PERSONAL[kind]}" .')
    assert kinds_of(findings) == [kind]
    assert findings[0].where == Where(
        subject=f"{BASE}id/payment/1", predicate=f"{EX}note", part="object"
    )
    assert PERSONAL[kind] not in shown(findings)


def test_identifiers_in_subject_object_and_graph_iris_are_found_and_masked() -> None:
    findings = ttl(
        f"<graph/{PERSON_AMKA}> {{ <id/person/{PERSON_AFM}> ex:phone <tel:+30{PERSON_MOBILE}> ;"
        f' ex:label "x" . }}'
    )
    parts = sorted((f.kind, f.where.part) for f in findings)
    assert parts == sorted(
        [(Kind.AMKA, "graph IRI"), (Kind.AFM, "subject IRI"), (Kind.PHONE, "object IRI")]
    )
    text = shown(findings)
    for value in (PERSON_AFM, PERSON_AMKA, PERSON_MOBILE):
        assert value not in text
    assert masked_iri(f"{BASE}id/person/{PERSON_AFM}") == f"{BASE}id/person/*******83"


def test_an_organisations_identifiers_pass_in_its_iri_and_literals_and_elsewhere() -> None:
    findings = ttl(
        f"<id/legal-entity/{COMPANY_AFM}> a legal:LegalEntity ;"
        f' legal:legalName "ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΜΕΣΣΗΝΙΑΣ Α.Ε." ; ex:identifier "{COMPANY_AFM}" .'
        f" <id/contract/1> ex:contractor <id/legal-entity/{COMPANY_AFM}> ;"
        f' ex:note "ανάδοχος ΑΦΜ {COMPANY_AFM}" .'
        " <id/org/1> a org:OrganizationalUnit ; vcard:hasEmail <mailto:opendata@kalamata.gr> ;"
        ' vcard:hasTelephone "2721360700" .'
    )
    assert findings == []


def test_a_legal_entity_without_a_legal_entity_name_may_be_a_sole_trader() -> None:
    findings = ttl(
        f'<id/legal-entity/{PERSON_AFM}> a legal:LegalEntity ; legal:legalName "ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ" .'
    )
    assert kinds_of(findings) == [Kind.AFM]
    assert findings[0].where.part == "subject IRI"


def test_code_properties_hold_codes() -> None:
    uid = afm("14501002")
    assert ttl(f'<id/unit/1> dorg:diavgeiaUnitUid "{uid}" ; skos:notation "{uid}" .') == []
    assert kinds_of(ttl(f'<id/unit/1> ex:other "{uid}" .')) == [Kind.AFM]


def test_examples_in_the_standards_documentation_are_not_data_but_the_same_in_data_are() -> None:
    comment = f'rdfs:comment "e.g. {PERSON_EMAIL} or {PERSON_MOBILE}"'
    assert ttl(f"vcard:hasEmail {comment} .") == []
    shape = "<https://w3id.org/demoi/shapes/catalogue#CatalogShape>"
    assert ttl(f"{shape} ex:property [ {comment} ] .") == []
    assert kinds_of(ttl(f"<id/service/1> {comment} .")) == [Kind.EMAIL, Kind.PHONE]


def test_documentation_of_a_term_the_standards_do_not_define_is_data() -> None:
    """Review of issue 7: any IRI under demoi's namespaces, or a node the data itself types
    rdf:Property, had its comments excused as the standards' examples."""
    comment = f'rdfs:comment "κιν. {PERSON_MOBILE}"'
    assert kinds_of(ttl(f"<https://w3id.org/demoi/def/x> {comment} .")) == [Kind.PHONE]
    assert kinds_of(ttl(f"<https://w3id.org/demoi/shapes/x#S> ex:p [ {comment} ] .")) == [
        Kind.PHONE
    ]
    typed = f"<id/x> a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> ; {comment} ."
    assert kinds_of(ttl(typed)) == [Kind.PHONE]


def test_functional_mailboxes_pass_but_not_a_persons() -> None:
    assert ttl('<id/s/1> ex:note "opendata@kalamata.gov.gr, adeies@ypes.gov.gr" .') == []
    findings = ttl('<id/s/1> ex:note "g.papadopoulos@kalamata.gov.gr" .')
    assert kinds_of(findings) == [Kind.EMAIL]


@pytest.mark.parametrize(
    ("local", "functional"),
    [
        ("info", True), ("opendata", True), ("grammateia.dimarxou", True), ("kep-2", True),
        ("no-reply", True), ("dpo", True), ("contact", True),
        ("gpapadopoulos", False), ("giorgos", False), ("g.papadopoulos", False),
        ("info.papadopoulos", False), ("", False),
    ],
)  # fmt: skip
def test_functional_local_parts_are_a_fixed_list(local: str, functional: bool) -> None:
    assert is_functional_local_part(local) is functional


def test_a_public_bodys_domain_does_not_make_a_persons_mailbox_functional() -> None:
    """Review of issue 7: «gpapadopoulos@kalamata.gr» passed as an office's mailbox because
    the domain was a municipality's and the local part one word."""
    tables = {
        "source": table(
            ["Email επικοινωνίας"],
            ["opendata@kalamata.gr"],
            ["info@thessaloniki.gr"],
            ["g.papadopoulos@kalamata.gr"],
            ["gpapadopoulos@kalamata.gr"],
            ["giorgos@athens.gr"],
            ["contact@semic.eu"],
        )
    }
    findings = scan_tables(tables, source="inventory.csv")
    assert [(f.kind, f.where.row) for f in findings] == [
        (Kind.EMAIL, 4), (Kind.EMAIL, 5), (Kind.EMAIL, 6)
    ]  # fmt: skip


def test_amounts_with_a_fraction_dates_and_geometries_hold_nothing() -> None:
    quads = [
        ox.Triple(
            ox.NamedNode(f"{BASE}id/x"),
            ox.NamedNode(f"{EX}{name}"),
            ox.Literal(value, datatype=ox.NamedNode(datatype)),
        )
        for name, value, datatype in (
            ("amount", "6912345678.45", "http://www.w3.org/2001/XMLSchema#decimal"),
            ("amount", "612000.00", "http://www.w3.org/2001/XMLSchema#decimal"),
            ("amount", "1.5E3", "http://www.w3.org/2001/XMLSchema#double"),
            ("when", "2024-07-12", "http://www.w3.org/2001/XMLSchema#date"),
            (
                "point",
                "POINT(22.1234567 37.0345678)",
                "http://www.opengis.net/ont/geosparql#wktLiteral",
            ),
        )
    ]
    assert scan_quads(quads) == []


def test_rdf_syntax_errors_name_the_file_and_line() -> None:
    with pytest.raises(RdfSyntaxError) as raised:
        scan_rdf_bytes(
            b"<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> .\n",
            ox.RdfFormat.N_TRIPLES,
            file="bad.nt",
        )
    assert raised.value.location is not None
    assert (raised.value.location.file, raised.value.location.line) == ("bad.nt", 2)


def test_the_demo_store_holds_no_personal_data_in_any_graph(demo_app: Flask) -> None:
    # The session's app holds the demo store open: a second opening would find it in use.
    store = app_store(demo_app)
    graphs = store.graphs()
    assert len(graphs) > 20
    for info in graphs:
        assert scan_graph(store, info.iri) == [], info.iri


def test_a_person_put_into_a_demo_graph_is_found(demo_app: Flask) -> None:
    store = app_store(demo_app)  # the session's app holds the demo store open
    graph = next(info.iri for info in store.graphs() if "/decisions/" in info.iri)
    quads = list(store.quads(graph))
    decision = next(q.subject for q in quads if "/id/decision/" in str(q.subject))
    name, note = quads[0].graph_name, ox.NamedNode(f"{EX}note")
    entity = ox.NamedNode(f"{BASE}id/legal-entity/{COMPANY_AFM}")
    quads += [
        ox.Quad(decision, note, ox.Literal(f"ΑΜΚΑ {PERSON_AMKA}"), name),
        ox.Quad(entity, ox.NamedNode(RDF_TYPE), ox.NamedNode(f"{LEGAL}LegalEntity"), name),
        ox.Quad(entity, ox.NamedNode(f"{LEGAL}legalName"), ox.Literal("ΑΛΦΑ Α.Ε."), name),
        # An organisation has no ΑΜΚΑ: one stated on a legal entity is still a person's.
        ox.Quad(entity, note, ox.Literal(PERSON_AMKA), name),
    ]
    findings = scan_quads(quads, context=StoreContext(store))
    assert kinds_of(findings) == [Kind.AMKA, Kind.AMKA]
    # The legal entity's IRI holds its ΑΦΜ: places are shown with every identifier masked.
    assert [f.where.subject for f in findings] == [
        masked_iri(decision.value),
        f"{BASE}id/legal-entity/*******29",
    ]
    assert findings[0].where.graph == graph


# --- files -------------------------------------------------------------------------------------


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_in_cp1253_with_title_lines_and_semicolons(tmp_path: Path) -> None:
    source = write(
        tmp_path / "payments.cp1253.csv",
        "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ;;;\n"
        "Πληρωμές 2025;;;\n"
        "Α/Α;Ονοματεπώνυμο;ΑΦΜ;Ποσό\n"
        f"1;Γεώργιος Παπαδόπουλος;{PERSON_AFM};1.234,56\n"
        f"2;ΔΕΥΑ ΚΑΛΑΜΑΤΑΣ;{PUBLIC_BODY_AFM};612000,00\n",
        "cp1253",
    )
    findings = scan_path(source)
    assert [(f.kind, f.where.row, f.where.column) for f in findings] == [
        (Kind.PERSON_NAME, 4, "Ονοματεπώνυμο"),
        (Kind.AFM, 4, "ΑΦΜ"),
    ]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    text = "\n".join(delimiter.join(row) for row in [["a", "b", "c"], ["1", "2,5", "3"]] * 3)
    assert sniff_delimiter(text) == delimiter


def test_tsv_and_txt_files(tmp_path: Path) -> None:
    source = write(tmp_path / "stops.txt", f"stop_id,stop_desc\n1,τηλ. {PERSON_MOBILE}\n")
    assert [(f.kind, f.where.row, f.where.column) for f in scan_path(source)] == [
        (Kind.PHONE, 2, "stop_desc")
    ]
    tsv = write(tmp_path / "x.tsv", f"id\temail\n1\t{PERSON_EMAIL}\n")
    assert kinds_of(scan_path(tsv)) == [Kind.EMAIL]


def test_xlsx_every_sheet_with_row_numbers(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Συμβάσεις"
    first.append(["Αποτελέσματα"])
    first.append(["ΑΦΜ Αναδόχου", "Ανάδοχος"])
    first.append([COMPANY_AFM, "ΠΕΤΡΕΛΑΙΟΕΙΔΗ Α.Ε."])
    second = workbook.create_sheet("Λοιπά")
    second.append(["Σημείωση"])
    second.append(["-"])
    second.append([f"IBAN {PERSON_IBAN}"])
    workbook.save(tmp_path / "x.xlsx")
    findings = scan_path(tmp_path / "x.xlsx")
    assert [(f.kind, f.where.sheet, f.where.row, f.where.column) for f in findings] == [
        (Kind.IBAN, "Λοιπά", 3, "Σημείωση")
    ]
    assert "sheet 'Λοιπά', row 3" in findings[0].where.text()


def test_a_workbooks_numeric_afm_that_lost_its_leading_zero(tmp_path: Path) -> None:
    person = afm("04512367")  # 045123671, stored as the number 45123671
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Α.Φ.Μ.", "Επωνυμία", "Ποσό"])
    sheet.append([int(person), "ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ", 45123671])
    sheet.append([int(COMPANY_AFM), "ΠΕΤΡΕΛΑΙΟΕΙΔΗ Α.Ε.", 94519829])
    workbook.save(tmp_path / "x.xlsx")
    findings = scan_path(tmp_path / "x.xlsx")
    assert [(f.kind, f.where.row, f.where.column, f.masked) for f in findings] == [
        (Kind.AFM, 2, "Α.Φ.Μ.", "*******71")
    ]


def test_json_gives_the_line_and_the_path(tmp_path: Path) -> None:
    source = write(
        tmp_path / "search.json",
        json.dumps(
            {
                "decisions": [
                    {
                        "ada": "Ψ4ΡΛΩΛ6-ΞΝΣ",
                        "sponsor": [
                            {"afm": COMPANY_AFM, "name": "ΗΛΕΚΤΡΟΝ ΕΝΕΡΓΕΙΑΚΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ"},
                            {"afm": PERSON_AFM, "name": "ΠΑΠΑΔΑΚΗΣ,,ΝΙΚΟΛΑΟΣ,ΓΕΩΡΓΙΟΣ"},
                        ],
                        "amount": 612000.0,
                        "phones": [PERSON_MOBILE],
                    }
                ]
            },
            ensure_ascii=False,
            indent=2,
        ),
    )
    found = [(f.kind, f.where.line, f.where.pointer) for f in scan_path(source)]
    assert found == [
        (Kind.AFM, 11, "decisions[0].sponsor[1].afm"),
        (Kind.PERSON_NAME, 12, "decisions[0].sponsor[1].name"),
        (Kind.PHONE, 17, "decisions[0].phones[0]"),
    ]


def test_identifiers_in_json_keys_are_found_and_masked_in_the_path(tmp_path: Path) -> None:
    source = write(tmp_path / "x.json", json.dumps({"by_afm": {PERSON_AFM: {"n": 1}}}))
    findings = scan_path(source)
    assert kinds_of(findings) == [Kind.AFM]
    assert findings[0].where.pointer == "by_afm.*******83"


def test_a_data_row_read_as_the_header_is_not_shown_as_a_column_name(tmp_path: Path) -> None:
    source = write(tmp_path / "x.csv", f"{PERSON_AFM};ΓΕΩΡΓΙΟΥ\n{PERSON_AMKA};ΑΝΔΡΕΟΥ\n")
    findings = scan_path(source)
    assert [(f.kind, f.where.row, f.where.column) for f in findings] == [
        (Kind.AFM, 1, None),
        (Kind.AMKA, 2, "*******83"),
    ]
    assert PERSON_AFM not in shown(findings)


def test_rdf_files_by_extension_and_by_syntax(tmp_path: Path) -> None:
    triple = f'<http://x/a> <http://x/b> "{PERSON_AMKA}" .\n'
    assert kinds_of(scan_path(write(tmp_path / "x.nt", triple))) == [Kind.AMKA]
    forced = scan_path(write(tmp_path / "x.data", triple), syntax="ttl")
    assert kinds_of(forced) == [Kind.AMKA]
    assert forced[0].where.file == str(tmp_path / "x.data")


def test_zip_members_and_sqlite_tables(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "gtfs.zip", "w") as archive:
        archive.writestr("agency.txt", f"agency_id,agency_phone\n1,{PERSON_MOBILE}\n")
        archive.writestr("shapes.bin", b"\x00\x01")
    findings = scan_path(tmp_path / "gtfs.zip")
    assert [(f.kind, f.where.file, f.where.row) for f in findings] == [
        (Kind.PHONE, f"{tmp_path / 'gtfs.zip'}/agency.txt", 2)
    ]
    database = tmp_path / "posts.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE people (id INTEGER, amka TEXT, DIAVGEIA_UID TEXT)")
        connection.execute("INSERT INTO people VALUES (1, ?, ?)", (PERSON_AMKA, afm("10701003")))
    connection.close()
    findings = scan_path(database)
    assert [(f.kind, f.where.table, f.where.row, f.where.column) for f in findings] == [
        (Kind.AMKA, "people", 1, "amka")
    ]


def test_unknown_kinds_and_missing_files_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--syntax"):
        scan_path(write(tmp_path / "x.data", "a"))
    with pytest.raises(UsageError, match="no such file"):
        scan_path(tmp_path / "missing.csv")
    with pytest.raises(DataError):
        scan_path(write(tmp_path / "x.json", '{"a": '))


# --- demoi privacy scan ------------------------------------------------------------------------


def run(*arguments: str) -> Result:
    return CliRunner().invoke(cli, ["privacy", "scan", *arguments])


@pytest.fixture
def personal_csv(tmp_path: Path) -> Path:
    return write(
        tmp_path / "payments.csv",
        f"afm;name;note\n{PERSON_AFM};ΓΕΩΡΓΙΟΥ ΑΝΔΡΕΑΣ;κιν. {PERSON_MOBILE}\n"
        f"{COMPANY_AFM};ΠΕΤΡΕΛΑΙΟΕΙΔΗ Α.Ε.;-\n",
    )


def test_cli_exit_1_and_greek_text_when_found(personal_csv: Path) -> None:
    result = run(str(personal_csv), "--lang", "el")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"ΑΦΜ *******83: {personal_csv}, γραμμή 2, στήλη afm"
    assert lines[1] == f"αριθμός τηλεφώνου ********78: {personal_csv}, γραμμή 2, στήλη note"
    assert lines[2] == (
        f"{personal_csv}: 2 εύρημα(τα) δεδομένων προσωπικού χαρακτήρα: ΑΦΜ 1, αριθμός τηλεφώνου 1."
    )
    assert PERSON_AFM not in result.output and PERSON_MOBILE not in result.output


def test_cli_json_in_english(personal_csv: Path) -> None:
    result = run(str(personal_csv), "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["source"] == str(personal_csv)
    assert report["counts"] == {"afm": 1, "phone": 1}
    assert report["findings"][0] == {
        "kind": "afm",
        "label": {"el": "ΑΦΜ", "en": "tax number (ΑΦΜ)"},
        "where": {"file": str(personal_csv), "row": 2, "column": "afm"},
        "masked": "*******83",
    }
    assert PERSON_AFM not in result.output


def test_cli_exit_0_when_clean_in_both_languages(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.csv", f"afm;name\n{PUBLIC_BODY_AFM};ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ\n")
    english = run(str(clean), "--lang", "en")
    assert (english.exit_code, english.output) == (0, f"No personal data found in {clean}.\n")
    greek = run(str(clean), "--lang", "el")
    assert greek.exit_code == 0
    assert greek.output == f"Δεν βρέθηκαν δεδομένα προσωπικού χαρακτήρα στο {clean}.\n"
    as_json = json.loads(run(str(clean), "--format", "json").output)
    assert as_json == {"source": str(clean), "findings": [], "counts": {}}


def test_cli_exit_2_for_usage_errors_and_unreadable_input(
    tmp_path: Path, personal_csv: Path
) -> None:
    missing = run(str(tmp_path / "missing.csv"))
    assert missing.exit_code == 2 and "no such file" in missing.output
    neither = run()
    assert neither.exit_code == 2 and "SOURCE" in neither.output
    both = run(str(personal_csv), "--graph", "http://x/g")
    assert both.exit_code == 2
    broken = run(str(write(tmp_path / "broken.ttl", "<a> <b> .")))
    assert broken.exit_code == 2 and "broken.ttl" in broken.output
    unknown = run(str(write(tmp_path / "x.data", "a")))
    assert unknown.exit_code == 2 and "--syntax" in unknown.output
    bad_option = run(str(personal_csv), "--format", "xml")
    assert bad_option.exit_code == 2


def test_cli_scans_a_graph_of_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    try:
        data = f'<http://demoi.test/id/x> <{EX}note> "IBAN {PERSON_IBAN}" .'.encode()
        store.replace_graph("http://demoi.test/graph/x", data, ox.RdfFormat.N_TRIPLES)
    finally:
        store.close()
    result = run("--graph", "http://demoi.test/graph/x", "--store", str(path), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == (
        "IBAN *************************95: graph <http://demoi.test/graph/x>, "
        f"subject <http://demoi.test/id/x>, predicate <{EX}note>, object"
    )
    missing = run("--graph", "http://demoi.test/graph/none", "--store", str(path))
    assert missing.exit_code == 2 and "no graph" in missing.output
    no_store = run("--graph", "http://demoi.test/graph/x", "--store", str(tmp_path / "none"))
    assert no_store.exit_code == 2


def test_counts_follow_the_order_of_kinds() -> None:
    where = Where(file="x")
    findings = [Finding(Kind.EMAIL, where, "*"), Finding(Kind.AFM, where, "*")]
    assert list(counts(findings)) == ["afm", "email"]


# --- the adversarial review of issue 7: places never read, trust the data gave itself ---------

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_identifiers_in_predicate_and_datatype_iris_and_language_tags_are_found() -> None:
    findings = ttl(
        f'<id/x> <{EX}afm{PERSON_AFM}> "x" ; ex:p "x"^^<urn:tel:{PERSON_MOBILE}> ;'
        f' ex:q "x"@el-x-{PERSON_AFM[:3]}-{PERSON_AFM[3:6]}-{PERSON_AFM[6:]} .'
    )
    assert sorted((f.kind, f.where.part) for f in findings) == [
        (Kind.AFM, "language tag"), (Kind.AFM, "predicate IRI"), (Kind.PHONE, "datatype IRI")
    ]  # fmt: skip
    assert PERSON_AFM not in shown(findings) and PERSON_MOBILE not in shown(findings)
    assert f"{EX}afm*******83" in {f.where.predicate for f in findings}


def test_identifiers_inside_rdf_star_quoted_triples_are_found() -> None:
    data = (
        f'<< <{BASE}id/x> <{EX}p> "{PERSON_MOBILE}" >> <{EX}q> "y" .\n'
        f'<{BASE}id/y> <{EX}r> << <{BASE}id/x> <{EX}p> "ΑΜΚΑ {PERSON_AMKA}" >> .\n'
    )
    findings = scan_rdf_bytes(data.encode(), ox.RdfFormat.TURTLE)
    assert sorted(kinds_of(findings)) == [Kind.AMKA, Kind.PHONE]
    assert PERSON_MOBILE not in shown(findings) and PERSON_AMKA not in shown(findings)


def test_a_quoted_type_does_not_make_a_node_an_organisation() -> None:
    data = (
        f'<< <{BASE}id/x> a <http://www.w3.org/ns/org#OrganizationalUnit> >> <{EX}q> "y" .\n'
        f'<{BASE}id/x> <{EX}p> "{PERSON_AFM}" .\n'
    )
    assert kinds_of(scan_rdf_bytes(data.encode(), ox.RdfFormat.TURTLE)) == [Kind.AFM]


@pytest.mark.parametrize(
    ("value", "datatype", "kind"),
    [
        (PERSON_AFM, "date", Kind.AFM),
        (PERSON_MOBILE, "boolean", Kind.PHONE),
        (PERSON_MOBILE, "dateTime", Kind.PHONE),
        (f"{PERSON_AFM}.0", "decimal", Kind.AFM),
        (f"{PERSON_MOBILE}e0", "double", Kind.PHONE),
        (f"{PERSON_MOBILE}.00", "decimal", Kind.PHONE),
    ],
)
def test_ill_typed_literals_and_whole_numbers_are_scanned_by_their_lexical_form(
    value: str, datatype: str, kind: Kind
) -> None:
    assert kinds_of(ttl(f'<id/x> ex:p "{value}"^^<{XSD}{datatype}> .')) == [kind]


def test_code_properties_excuse_only_afm_lookalikes() -> None:
    """Review of issue 7: skos:notation and dorg:*Code excused every identifier on any node."""
    uid = afm("14501002")
    assert ttl(f'<id/unit/1> dorg:diavgeiaUid "{uid}" ; skos:notation "{uid}" .') == []
    findings = ttl(
        f'<id/p/1> skos:notation "{PERSON_MOBILE}" ; dorg:elstatCode "{PERSON_EMAIL}" ;'
        f' dorg:ypesCode "{PERSON_IBAN}" ; dorg:nutsCode "{PERSON_AMKA}" .'
    )
    assert sorted(kinds_of(findings)) == sorted([Kind.PHONE, Kind.EMAIL, Kind.IBAN, Kind.AMKA])


def test_a_node_the_data_types_as_an_organisation_does_not_launder_a_persons_identifiers() -> None:
    """Review of issue 7: «<x> a org:Organization» in the uploaded data itself made every
    identifier of <x> an organisation's."""
    note = f'ex:note "κινητό {PERSON_MOBILE}, ΑΦΜ {PERSON_AFM}"'
    assert sorted(kinds_of(ttl(f"<id/x> a org:Organization ; {note} ."))) == [
        Kind.AFM, Kind.PHONE
    ]  # fmt: skip
    # A public body's class: only what an office has passes (a ΑΦΜ, a landline, info@).
    office = ttl(
        "<id/u> a org:OrganizationalUnit ; ex:afm "
        f'"{PERSON_AFM}" ; ex:tel "2721360700" ; ex:mail "info@kalamata.gr" ;'
        f' ex:mobile "{PERSON_MOBILE}" ; ex:iban "{PERSON_IBAN}" ;'
        ' ex:person "gpapadopoulos@kalamata.gr" .'
    )
    assert sorted(kinds_of(office)) == sorted([Kind.PHONE, Kind.IBAN, Kind.EMAIL])
    # With a legal-entity name, a company's identifiers are its own.
    named = ttl(
        f'<id/c> a org:Organization ; legal:legalName "ΑΛΦΑ Α.Ε." ; {note} ;'
        f' ex:iban "{PERSON_IBAN}" .'
    )
    assert named == []


def test_types_from_the_rest_of_the_store_excuse_only_what_an_office_has(
    tmp_path: Path,
) -> None:
    """Found in re-review: a node typed as an organisation in one graph laundered a person's
    mobile written about it in another. A type from elsewhere in the store weighs as the data's
    own (a public body's class excuses a landline, never a mobile), and only when demoi itself
    published that graph (a lift or a load), not a token's Graph Store write."""
    from demoi.publishing import load_file

    store = OxigraphStore(tmp_path / "store")
    try:
        unit = f"<{BASE}id/unit/1>"
        typed = tmp_path / "units.nt"
        typed.write_text(f"{unit} <{RDF_TYPE}> <http://www.w3.org/ns/org#OrganizationalUnit> .\n")
        uses = f'{unit} <{EX}phone> "27213 60700" .\n{unit} <{EX}mobile> "{PERSON_MOBILE}" .\n'
        load_file(store, typed, f"{BASE}graph/units", ox.RdfFormat.N_TRIPLES, base_uri=BASE)
        store.replace_graph(f"{BASE}graph/a", uses.encode(), ox.RdfFormat.N_TRIPLES)
        assert [f.where.predicate for f in scan_graph(store, f"{BASE}graph/a")] == [f"{EX}mobile"]
        # The same type written without demoi's record (as a token's upload) vouches for nothing.
        store.replace_graph(f"{BASE}graph/token", typed.read_bytes(), ox.RdfFormat.N_TRIPLES)
        store.drop(f"{BASE}graph/units")
        assert kinds_of(scan_graph(store, f"{BASE}graph/a")) == [Kind.PHONE, Kind.PHONE]
    finally:
        store.close()


@pytest.mark.parametrize(
    "text",
    [
        "６９１２３４５６７８", "691\u200b2345678", "69.1234.5678", "+30 (691) 2345678",
        "+30.697.123.4567", "ΤΗΛ6912345678", "αφμ123456783", "ικβ 1234", "ακ 123456",
        "GR16-0110-1250-0000-0001-2300-695", "010 190 12341", "ΑΦΜ 1 2 3 4 5 6 7 8 3",
    ],
)  # fmt: skip
def test_formats_the_review_found_missed_are_found_in_a_cell(text: str) -> None:
    findings = scan_tables({"source": table(["x"], [f"σημ. {text} ."])}, source="x.csv")
    assert len(findings) == 1, text
    assert text not in shown(findings)


def test_a_coordinate_with_twelve_decimals_is_not_a_personal_number() -> None:
    tables = {"source": table(["lon", "lat"], ["25.142290129984", "35.338735101539"])}
    assert scan_tables(tables, source="x.csv") == []


def test_kae_and_signer_id_columns_hold_codes_but_an_email_there_is_found() -> None:
    tables = {
        "source": table(
            ["kae", "signerIds", "ΚΑΕ"],
            ["2410202001", "100002137", "6912345678"],
            [PERSON_EMAIL, "", ""],
        )
    }
    findings = scan_tables(tables, source="x.json")
    assert [(f.kind, f.where.row) for f in findings] == [(Kind.EMAIL, 3)]


def test_a_corrupt_workbook_is_unreadable_input_exit_2(tmp_path: Path) -> None:
    corrupt = tmp_path / "x.xlsx"
    corrupt.write_bytes(bytes(range(256)) * 12)
    with pytest.raises(DataError, match="xlsx"):
        scan_path(corrupt)
    result = run(str(corrupt))
    assert result.exit_code == 2 and "x.xlsx" in result.output


def test_rdf_files_with_relative_iris_are_scanned_against_their_own_uri(tmp_path: Path) -> None:
    relative = write(tmp_path / "x.ttl", f'<#x> <p> "ΑΜΚΑ {PERSON_AMKA}" .\n')
    findings = scan_path(relative)
    assert kinds_of(findings) == [Kind.AMKA]
    assert findings[0].where.subject == relative.absolute().as_uri() + "#x"
    members = tmp_path / "x.zip"
    with zipfile.ZipFile(members, "w") as archive:
        archive.writestr("data.ttl", f'<#x> <p> "ΑΜΚΑ {PERSON_AMKA}" .\n')
    assert kinds_of(scan_path(members)) == [Kind.AMKA]


def test_a_cell_over_two_lines_is_reported_at_its_first_line(tmp_path: Path) -> None:
    text = f'id;note;x\n1;"πρώτη γραμμή\nκιν. {PERSON_MOBILE}";{PERSON_AMKA}\n'
    source = write(tmp_path / "x.csv", text + f"2;-;-\n3;{PERSON_AFM};-\n")
    assert [(f.kind, f.where.row) for f in scan_path(source)] == [
        (Kind.PHONE, 2), (Kind.AMKA, 3), (Kind.AFM, 5)
    ]  # fmt: skip


def test_the_same_email_twice_in_one_place_is_one_finding() -> None:
    cell = f"{PERSON_EMAIL} ({PERSON_EMAIL})"
    assert len(scan_tables({"source": table(["x"], [cell])}, source="x.csv")) == 1
    assert len(ttl(f'<id/x> ex:p "{cell}" .')) == 1


def test_json_findings_carry_the_line_of_their_value(tmp_path: Path) -> None:
    document = {
        "decisions": [
            {"ada": "Ψ1", "sponsor": [{"afm": "094519829", "name": "ΑΛΦΑ Α.Ε."}]},
            {"ada": "Ψ2", "sponsor": [{"afm": PERSON_AFM}, {"afm": afm("23456789")}]},
        ]
    }
    source = write(tmp_path / "x.json", json.dumps(document, indent=2, ensure_ascii=False))
    lines = source.read_text().splitlines()
    expected = [
        number for number, line in enumerate(lines, 1) if PERSON_AFM in line or "23456789" in line
    ]
    assert [f.where.line for f in scan_path(source)] == expected


def test_predicate_iris_and_file_names_are_masked_in_findings(tmp_path: Path) -> None:
    named = write(tmp_path / f"ΠΑΠΑΔΟΠΟΥΛΟΣ,,ΓΕΩΡΓΙΟΣ,ΙΩΑΝΝΗΣ {PERSON_MOBILE}.nt", "")
    named.write_text(f'<urn:s> <http://ex.org/tel/{PERSON_MOBILE}> "ΑΦΜ {PERSON_AFM}" .\n')
    findings = scan_path(named)
    assert sorted(kinds_of(findings)) == [Kind.AFM, Kind.PHONE]
    text = shown(findings)
    assert PERSON_MOBILE not in text and "ΠΑΠΑΔΟΠΟΥΛΟΣ" not in text
    assert {f.where.predicate for f in findings} == {"http://ex.org/tel/********78"}
    result = run(str(named), "--lang", "en")
    assert PERSON_MOBILE not in result.output and "ΠΑΠΑΔΟΠΟΥΛΟΣ" not in result.output


def test_a_code_property_that_never_holds_nine_digits_excuses_nothing() -> None:
    """Found in re-review: dorg:elstatCode "123456783" on any node was excused as a code."""
    quad = ox.Quad(
        ox.NamedNode(f"{BASE}id/x"),
        ox.NamedNode("https://w3id.org/demoi/def/organisation#elstatCode"),
        ox.Literal("123456783"),
    )
    assert kinds_of(scan_quads([quad])) == [Kind.AFM]
