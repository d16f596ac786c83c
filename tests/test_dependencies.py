"""morph-kgc declares pyoxigraph<0.4 and rdflib<7.3; pyproject.toml overrides both pins.
These tests prove the overridden combination works: a YARRRML mapping runs through morph-kgc
into pyoxigraph 0.5, and pySHACL validates the result, in one process."""

from __future__ import annotations

import tomllib
import warnings
from importlib.metadata import version
from pathlib import Path

import morph_kgc
import pyoxigraph as ox
import rdflib
from packaging.version import Version
from pyshacl import validate

from conftest import REPO

MAPPING = """
prefixes:
  ex: http://example.org/
  xsd: http://www.w3.org/2001/XMLSchema#
mappings:
  person:
    sources:
      - [{source}~csv]
    s: ex:line/$(code)
    po:
      - [a, ex:Line]
      - [ex:amount, $(amount), xsd:decimal]
      - [ex:label, $(label), el~lang]
"""

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:LineShape a sh:NodeShape ; sh:targetClass ex:Line ;
  sh:property [ sh:path ex:amount ; sh:datatype xsd:decimal ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:label ; sh:languageIn ("el") ; sh:minCount 1 ] .
"""


def test_overridden_versions_are_the_ones_installed() -> None:
    assert Version(version("pyoxigraph")) >= Version("0.5")
    assert Version(version("rdflib")) >= Version("7.6")
    assert Version(version("morph-kgc")) >= Version("2.10")


def test_pyproject_overrides_the_two_pins() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    overrides = config["tool"]["uv"]["override-dependencies"]
    assert any(line.startswith("pyoxigraph>=0.5") for line in overrides)
    assert any(line.startswith("rdflib>=7.6") for line in overrides)


def test_yarrrml_through_morph_kgc_into_pyoxigraph_then_pyshacl(tmp_path: Path) -> None:
    source = tmp_path / "lines.csv"
    source.write_text(
        "code,amount,label\n6011,120.50,Τακτικές αποδοχές\n6051,3,Εισφορές\n", "utf-8"
    )
    mapping = tmp_path / "mapping.yml"
    mapping.write_text(MAPPING.format(source=source), encoding="utf-8")
    config = f"[CONFIGURATION]\nnumber_of_processes=1\n[lines]\nmappings={mapping}\n"
    with warnings.catch_warnings():
        # morph-kgc 2.10 passes the format to pyoxigraph as a string, deprecated in 0.5.
        warnings.filterwarnings(
            "ignore", "Using string to specify a RDF format", DeprecationWarning
        )
        store = morph_kgc.materialize_oxigraph(config)
    assert isinstance(store, ox.Store)
    assert len(store) == 6
    amounts = {
        row["a"].value
        for row in store.query("SELECT ?a WHERE { ?s <http://example.org/amount> ?a }")
    }
    assert {float(a) for a in amounts} == {120.5, 3.0}

    data = rdflib.Graph()
    data.parse(
        data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt"
    )
    conforms, _, text = validate(
        data, shacl_graph=rdflib.Graph().parse(data=SHAPES, format="turtle")
    )
    assert conforms, text

    broken = data.remove((None, rdflib.URIRef("http://example.org/amount"), None))
    conforms, _, _ = validate(
        broken, shacl_graph=rdflib.Graph().parse(data=SHAPES, format="turtle")
    )
    assert not conforms
