"""morph-kgc runs through demoi.lifting.morph, which keeps each mapping's parsed rules."""

from __future__ import annotations

from pathlib import Path

from demoi.lifting.morph import _parsed, materialize

MAPPING = """\
prefixes:
  ex: "http://example.org/"
mappings:
  thing:
    sources:
      - ["things.csv~csv"]
    s: id:thing/$(code)
    po:
      - [ex:label, $(label)]
"""


def _write(folder: Path, rows: str) -> Path:
    folder.mkdir()
    table = folder / "things.csv"
    table.write_text("code,label\n" + rows, encoding="utf-8")
    return table


def test_a_cached_mapping_reads_each_runs_own_table(tmp_path: Path) -> None:
    mapping = tmp_path / "things.yarrrml.yml"
    mapping.write_text(MAPPING, encoding="utf-8")
    prefixes = {"id": "http://demoi.test/id/"}
    first = materialize(mapping, {"things": _write(tmp_path / "a", "1,one\n")}, prefixes)
    hits = _parsed.cache_info().hits
    second = materialize(mapping, {"things": _write(tmp_path / "b", "2,two\n")}, prefixes)
    assert _parsed.cache_info().hits == hits + 1
    assert first == b'<http://demoi.test/id/thing/1> <http://example.org/label> "one" .\n'
    assert second == b'<http://demoi.test/id/thing/2> <http://example.org/label> "two" .\n'


def test_the_minted_prefix_is_part_of_the_cached_rules(tmp_path: Path) -> None:
    mapping = tmp_path / "things.yarrrml.yml"
    mapping.write_text(MAPPING, encoding="utf-8")
    table = {"things": _write(tmp_path / "a", "1,one\n")}
    local = materialize(mapping, table, {"id": "http://127.0.0.1:8000/id/"})
    public = materialize(mapping, table, {"id": "https://data.example.gr/id/"})
    assert local.startswith(b"<http://127.0.0.1:8000/id/thing/1>")
    assert public.startswith(b"<https://data.example.gr/id/thing/1>")


def test_an_edited_mapping_is_parsed_again(tmp_path: Path) -> None:
    mapping = tmp_path / "things.yarrrml.yml"
    mapping.write_text(MAPPING, encoding="utf-8")
    table = {"things": _write(tmp_path / "a", "1,one\n")}
    prefixes = {"id": "http://demoi.test/id/"}
    materialize(mapping, table, prefixes)
    mapping.write_text(MAPPING.replace("ex:label", "ex:name"), encoding="utf-8")
    assert b"<http://example.org/name>" in materialize(mapping, table, prefixes)
