"""The elected-posts mapping over the register database: the example database is what its
generator writes, the query reads no personal data, a database of another municipality is
refused."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from conftest import REPO
from demoi.errors import ValidationFailed
from demoi.lifting import get_mapping, lift
from demoi.publishing import check_lifted

BASE = "http://127.0.0.1:8000/"
DATABASE = REPO / "examples" / "organisation" / "4401-elected-posts.sqlite"
GENERATOR = REPO / "tools" / "make_organisation_examples.py"
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
PERSON = rdflib.URIRef("http://www.w3.org/ns/person#Person")


def rows(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_regenerating_the_database_gives_the_same_rows(tmp_path: Path) -> None:
    out = tmp_path / "posts.sqlite"
    completed = subprocess.run(
        [sys.executable, GENERATOR, "--out", out], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert rows(out) == rows(DATABASE)


def test_the_committed_databases_are_current() -> None:
    completed = subprocess.run(
        [sys.executable, GENERATOR, "--check"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_query_reads_no_personal_data() -> None:
    query = get_mapping("elected-posts").query or ""
    for column in ("AFM", "DIEYTHYNSI", "KINITO", "PATRONYMO", "PARATAXI"):
        assert column not in query


def test_a_person_has_a_name_and_nothing_else() -> None:
    lifted = lift(
        DATABASE, get_mapping("elected-posts"), municipality="4401", parameters={}, base_uri=BASE
    )
    graph = rdflib.Graph().parse(data=lifted.ntriples, format="nt")
    persons = set(graph.subjects(rdflib.RDF.type, PERSON))
    assert len(persons) == 13
    allowed = {rdflib.RDF.type, FOAF.givenName, FOAF.familyName}
    assert {p for person in persons for p in graph.predicates(person)} == allowed


def test_another_municipalitys_database_is_refused_by_the_profile(tmp_path: Path) -> None:
    copy = tmp_path / "thessaloniki.sqlite"
    shutil.copy(DATABASE, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE DHMOS SET KOD_ELSTAT = '0701'")
    connection.close()
    lifted = lift(
        copy, get_mapping("elected-posts"), municipality="4401", parameters={}, base_uri=BASE
    )
    with pytest.raises(ValidationFailed) as raised:
        check_lifted(lifted, "en")
    assert "demoi:municipality" in raised.value.report
