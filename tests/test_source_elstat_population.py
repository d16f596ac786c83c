"""The ELSTAT population reader (src/demoi/lifting/sources/elstat_population.py): one row per
municipality × census year × sex, the 7101/4604 erratum, Mount Athos left out, a lost leading
zero put back, the delimiter detected, only the lifted municipality's rows published. Whole
graphs are in tests/cases/mappings/statistics/population-*."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import EXAMPLES
from demoi.errors import ValidationFailed
from demoi.lifting import Lifted, get_mapping, lift
from demoi.lifting.sources import MAIN_TABLE, ReadOptions
from demoi.lifting.sources import elstat_population as elstat_population_module
from demoi.lifting.sources.elstat_population import read
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

SAMPLE = EXAMPLES / "statistics" / "elstat-2021-population.cp1253.csv"
HEADER = "elstat_municipality_code,municipality_name,pop_total_2021,pop_men_2021,pop_women_2021"


def rows(source: Path) -> list[list[str]]:
    return read(source, get_mapping("population-census"), ReadOptions()).tables[MAIN_TABLE].rows


def lift_for(source: Path, municipality: str, **options: object) -> Lifted:
    return lift(
        source,
        get_mapping("population-census"),
        municipality=municipality,
        parameters={},
        base_uri="http://127.0.0.1:8000/",
        **options,  # type: ignore[arg-type]
    )


def test_the_national_table_gives_six_rows_per_municipality(shared_data: Path) -> None:
    read_rows = rows(shared_data / "elstat-census-2021" / "municipalities_populations.csv")
    per_area = Counter(row[0] for row in read_rows)
    assert len(per_area) == 332 and set(per_area.values()) == {6}
    assert "9901" not in per_area  # Mount Athos is not a municipality
    assert ["4604", "2021", "T", "50495"] in read_rows  # keyed 7101 on line 183
    assert ["7101", "2021", "T", "177064"] in read_rows


def test_the_spreadsheet_sample_reads_like_the_table() -> None:
    read_rows = rows(SAMPLE)
    assert ["0701", "2021", "T", "317778"] in read_rows  # «701» in the sample, «317.778»
    assert len(read_rows) == 10 * 6  # eleven rows, Mount Athos left out


def test_only_the_lifted_municipality_is_published() -> None:
    ntriples = lift_for(SAMPLE, "4402").ntriples
    assert ntriples.count(b"PopulationObservation") == 6
    assert b"municipality/4401" not in ntriples


def test_another_municipality_s_row_would_fail_validation_if_the_filter_were_bypassed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The mapping takes the area from --municipality and from the row, so the filter cannot
    fail silently into a national publication under one municipality."""
    monkeypatch.setattr(elstat_population_module, "rows_of", lambda table, *_: table)
    with pytest.raises(ValidationFailed):
        check_lifted(lift_for(SAMPLE, "4401"), "en")


def test_a_comma_file_without_2011_columns_and_with_accented_names(tmp_path: Path) -> None:
    source = tmp_path / "population.csv"
    source.write_text(f"{HEADER}\n4401,Δήμος Καλαμάτας,71894,34660,37234\n", encoding="utf-8")
    assert rows(source) == [
        ["4401", "2021", "T", "71894"],
        ["4401", "2021", "M", "34660"],
        ["4401", "2021", "F", "37234"],
    ]


def test_a_bad_row_is_left_out_with_skip_invalid_rows(tmp_path: Path) -> None:
    source = tmp_path / "population.csv"
    lines = ["4401,ΚΑΛΑΜΑΤΑΣ,71894,34660,37234", "4402,ΔΥΤΙΚΗΣ ΜΑΝΗΣ,5772,2948,2825"]
    source.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    rejects: list[Reject] = []
    lifted = lift_for(source, "4401", rejects=rejects)
    assert lifted.ntriples.count(b"PopulationObservation") == 3
    assert [str(reject.location) for reject in rejects] == [
        f"{source}, line 3, column pop_total_2021"
    ]
    assert rejects[0].reason == "the 2021 total 5772 is not men 2948 + women 2825"
