"""The lifting core: every table a descriptor keys is checked for repeated keys, the summary
counts rows per table, and mappings morph-kgc 2.10 would fail on are refused when loaded."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from demoi.cli import cli
from demoi.errors import DataError
from demoi.lifting import available_mappings, get_mapping, lift
from demoi.lifting.mappings import check_morph_pitfalls
from demoi.lifting.morph import materialize

BASE = "http://127.0.0.1:8000/"
EVENTS = REPO / "examples" / "culture" / "4401-2024-events.utf8.csv"
GTFS = REPO / "examples" / "mobility" / "4401-kalamata-urban-gtfs.zip"


def yarrrml(tmp_path: Path, predicate: str, prefix: str = "http://example.org/") -> Path:
    (tmp_path / "t.csv").write_text("id,name\n1,a\n", encoding="utf-8")
    path = tmp_path / "m.yarrrml.yml"
    path.write_text(
        f"prefixes:\n  ex: {prefix}\nmappings:\n  thing:\n    sources: [[t.csv~csv]]\n"
        f"    s: ex:thing/$(id)\n    po:\n      - [{predicate}, $(name)]\n",
        encoding="utf-8",
    )
    return path


def descriptor_folder(tmp_path: Path, mapping: Path) -> Path:
    folder = tmp_path / "mappings" / "test"
    folder.mkdir(parents=True)
    shutil.copy(mapping, folder / "m.yarrrml.yml")
    (folder / "m.toml").write_text(
        'name = "m"\narea = "test"\ndataset = "m"\nformat = "csv"\nmapping = "m.yarrrml.yml"\n'
        '[description]\nen = "m"\nel = "m"\n',
        encoding="utf-8",
    )
    return tmp_path / "mappings"


# -- morph-kgc's "function" pitfall ---------------------------------------------------------


def test_morph_kgc_still_fails_on_a_predicate_containing_function(tmp_path: Path) -> None:
    """The reason for the check below: when a morph-kgc release fixes this, this test fails
    and the check can go."""
    mapping = yarrrml(tmp_path, "ex:functionalArea")
    with pytest.raises(TypeError, match="string indices must be integers"):
        materialize(mapping, {"t": tmp_path / "t.csv"}, {})


@pytest.mark.parametrize(
    ("predicate", "prefix"),
    [
        ("ex:functionalArea", "http://example.org/"),
        ("ex:area", "http://example.org/function/"),  # the word comes from the prefix
        ("http://example.org/hasfunction", "http://example.org/"),
        ("[ex:a, ex:function]", "http://example.org/"),
    ],
)
def test_a_predicate_containing_function_is_refused_when_the_mapping_loads(
    tmp_path: Path, predicate: str, prefix: str
) -> None:
    root = descriptor_folder(tmp_path, yarrrml(tmp_path, predicate, prefix))
    with pytest.raises(RuntimeError, match="contains 'function', which morph-kgc 2.10 mistakes"):
        available_mappings(root)


def test_a_graph_containing_function_is_refused(tmp_path: Path) -> None:
    mapping = yarrrml(tmp_path, "ex:area")
    mapping.write_text(
        mapping.read_text(encoding="utf-8").replace("    po:", "    g: ex:functions\n    po:"),
        encoding="utf-8",
    )
    with pytest.raises(RuntimeError, match="'ex:functions'"):
        check_morph_pitfalls(mapping)


def test_function_with_a_capital_and_function_calls_are_accepted(tmp_path: Path) -> None:
    mapping = yarrrml(tmp_path, "ex:hasFunction")
    check_morph_pitfalls(mapping)
    assert materialize(mapping, {"t": tmp_path / "t.csv"}, {}).count(b"\n") == 1
    # The mappings that call morph-kgc's functions (mkgc:concat) pass the check.
    for name in ("diavgeia-decisions", "kimdis-contracts"):
        check_morph_pitfalls(get_mapping(name).yarrrml)


def test_every_mapping_loads_through_the_checks() -> None:
    mappings = available_mappings()
    assert len(mappings) >= 20
    for mapping in mappings.values():
        check_morph_pitfalls(mapping.yarrrml)
    result = CliRunner().invoke(cli, ["mappings", "--lang", "en"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == len(mappings)


# -- keys of every table --------------------------------------------------------------------


def events_with_a_repeated_event(tmp_path: Path) -> Path:
    lines = EVENTS.read_text(encoding="utf-8-sig").splitlines()
    header = next(n for n, line in enumerate(lines) if line.startswith("Κωδικός"))
    repeated = next(
        n for n, line in enumerate(lines[header + 1 :], header + 1) if line.split(";")[6]
    )  # an event with an end date, so that it has a row in the table "ends"
    path = tmp_path / "events.csv"
    path.write_text("\n".join([*lines, lines[repeated]]) + "\n", encoding="utf-8")
    return path


def test_a_repeated_key_in_a_second_table_names_table_rows_and_value(tmp_path: Path) -> None:
    source = events_with_a_repeated_event(tmp_path)
    mapping = dataclasses.replace(
        get_mapping("cultural-events"), key=(), keys=(("ends", ("code",)),)
    )
    with pytest.raises(DataError) as raised:
        lift(source, mapping, municipality="4401", parameters={"year": "2024"}, base_uri=BASE)
    message, location = raised.value.message, raised.value.location
    assert message.startswith("table ends: this row repeats code ")
    assert "of line " in message and message.endswith("each must appear once")
    assert location is not None and location.file == str(source)
    lines = source.read_text(encoding="utf-8").splitlines()
    assert location.line == len(lines)


def test_the_keys_of_source_keys_are_read_from_the_descriptor(tmp_path: Path) -> None:
    folder = tmp_path / "mappings" / "mobility"
    folder.mkdir(parents=True)
    original = get_mapping("gtfs-stops-routes")
    shutil.copy(original.yarrrml, folder / original.yarrrml.name)
    text = (original.descriptor or Path()).read_text(encoding="utf-8")
    text += '\n[source.keys]\nroutes = ["route"]\nroute_stops = ["route", "stop"]\n'
    (folder / "gtfs-stops-routes.toml").write_text(text, encoding="utf-8")
    mapping = available_mappings(tmp_path / "mappings")["gtfs-stops-routes"]
    assert mapping.table_keys == {"routes": ("route",), "route_stops": ("route", "stop")}
    lifted = lift(GTFS, mapping, municipality="4401", parameters={}, base_uri=BASE)
    assert lifted.table_rows == {"stops": 7, "routes": 2, "route_stops": 9}


def test_a_key_naming_no_column_is_a_defect_of_the_mapping() -> None:
    mapping = dataclasses.replace(get_mapping("gtfs-stops-routes"), keys=(("routes", ("id",)),))
    with pytest.raises(RuntimeError, match="key column.* id are not columns of table routes"):
        lift(GTFS, mapping, municipality="4401", parameters={}, base_uri=BASE)


def test_a_malformed_source_keys_is_a_defect_of_the_descriptor(tmp_path: Path) -> None:
    root = descriptor_folder(tmp_path, yarrrml(tmp_path, "ex:area"))
    descriptor = root / "test" / "m.toml"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8") + '[source.keys]\nroutes = "route"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuntimeError, match="invalid mapping descriptor"):
        available_mappings(root)


# -- rows per table -------------------------------------------------------------------------


def test_the_summary_counts_the_rows_of_each_table_of_a_multi_table_source(
    tmp_path: Path,
) -> None:
    out = tmp_path / "feed.nt"
    result = CliRunner().invoke(
        cli,
        ["lift", str(GTFS), "--mapping", "gtfs-stops-routes", "--municipality", "4401",
         "--dry-run", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "triples from 18 rows: stops 7, routes 2, route_stops 9" in result.output


def test_the_summary_of_a_single_table_source_is_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "posts.nt"
    result = CliRunner().invoke(
        cli,
        ["lift", str(REPO / "examples" / "organisation" / "4401-elected-posts.sqlite"),
         "--mapping", "elected-posts", "--municipality", "4401", "--dry-run", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{out}: 254 triples from 28 rows\n" in result.output


# -- delimited text -------------------------------------------------------------------------

INDICATORS = REPO / "examples" / "statistics" / "4401-indicators.cp1253.csv"


def test_an_unclosed_quote_in_a_large_file_names_file_and_line(tmp_path: Path) -> None:
    """An unclosed quotation mark makes the rest of the file one cell; past the csv module's
    field limit that was an internal error (exit 3) instead of an error naming the line."""
    lines = INDICATORS.read_text(encoding="cp1253").splitlines()
    lines[4] = lines[4].replace(";%;", ';"%;')  # line 5: the quote is never closed
    lines += [f"recycling-rate;{1900 + n % 100};{n},5;%;" + "x" * 100 for n in range(2000)]
    source = tmp_path / "4401-indicators.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["lift", str(source), "--mapping", "indicator-values", "--municipality", "4401",
         "--store", str(tmp_path / "store")],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"{source}, line 5" in result.output
    assert "quotation mark" in result.output


# -- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # deeper than the json module goes
        '{"services": ' + "[" * 600 + "]" * 600 + "}",  # deeper than the line finder went
    ],
    ids=["json", "lines"],
)
def test_deeply_nested_json_is_a_data_error_not_a_crash(tmp_path: Path, text: str) -> None:
    source = tmp_path / "4401-services.json"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["lift", str(source), "--mapping", "service-catalogue", "--municipality", "4401",
         "--dry-run"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert str(source) in result.output and "internal error" not in result.output


def test_an_unclosed_quote_in_a_large_budget_export_names_file_and_line(tmp_path: Path) -> None:
    """The budget readers go through tabular.read_table, which crashed (exit 3) past the csv
    module's field limit like the other readers did."""
    header = (
        "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Δεσμευθέντα;Ενταλθέντα;Πληρωθέντα;"
    )
    lines = [header, '10;6011.01.01;"Τακτικές αποδοχές;1.000,00;1.000,00;0,00;0,00;0,00;']
    lines += [
        f"10;6011.01.{n:02d};Αποδοχές {'x' * 100};1,00;1,00;0,00;0,00;0,00;" for n in range(2000)
    ]
    source = tmp_path / "4401-2024-expense.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["lift", str(source), "--mapping", "budget-expense", "--municipality", "4401",
         "--year", "2024", "--store", str(tmp_path / "store")],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"{source}, line 2" in result.output
    assert "quotation mark" in result.output


def test_the_provenance_label_names_the_sheet_and_dataset_that_were_lifted(
    tmp_path: Path,
) -> None:
    """The label recorded only the mapping, municipality and parameters, so a lift of one sheet
    into a chosen dataset could not be run again from its provenance."""
    store = tmp_path / "store"
    result = CliRunner().invoke(
        cli,
        ["lift", str(REPO / "examples/environment/4401-waste.xlsx"), "--mapping",
         "waste-quantities", "--municipality", "4401", "--year", "2024", "--sheet", "2024",
         "--dataset", "waste-2024-test", "--store", str(store)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    query = (
        "SELECT ?label WHERE { GRAPH ?g { ?activity "
        "<http://www.w3.org/ns/prov#generated> ?graph ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } "
        'FILTER(CONTAINS(STR(?graph), "waste-2024-test")) }'
    )
    shown = CliRunner().invoke(cli, ["query", query, "--store", str(store), "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    assert "--sheet 2024 --dataset waste-2024-test" in shown.output
