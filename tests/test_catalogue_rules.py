"""The catalogue rules of each mapping (``[catalogue] title`` and ``temporal``) and the temporal
coverage the catalogue computes from them.

The coverage of each mapping case's expected graph is written here as a person reading the data
would say it: a regression test for coverage taken from any date in the data (Kalamata's
indicators, refPeriods 2021 to 2024-12, got 2024-12-31..2024-12-31; the census, xsd:gYear 2011
and 2021, got none; heritage sites got their protection acts' dates, 1967 to 1998).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO
from demoi.catalogue import END_DATE, START_DATE, dataset_record, temporal_coverage
from demoi.lifting import get_mapping, lift
from demoi.lifting.mappings import Mapping, available_mappings

CASES = REPO / "tests" / "cases" / "mappings"
XSD = "http://www.w3.org/2001/XMLSchema#"
RESULT_TIME = "http://www.w3.org/ns/sosa/resultTime"
AGGREGATION_PERIOD = "https://w3id.org/demoi/def/environment#aggregationPeriod"
REF_PERIOD = "http://purl.org/linked-data/sdmx/2009/dimension#refPeriod"

#: Case -> (the coverage its lift records: a yearly period wins; the coverage of its data
#: alone, from the mapping's temporal properties). None: the data has no time.
EXPECTED: dict[str, tuple[tuple[str, str] | None, tuple[str, str] | None]] = {
    # The inventory lists datasets; their modification dates are not its time.
    "catalogue/data-inventory-kalamata": (None, None),
    # Events from the Spring festival (16 March) to the Christmas concert (22 December).
    "culture/cultural-events-kalamata": (
        ("2024-01-01", "2024-12-31"),
        ("2024-03-16", "2024-12-22"),
    ),
    # A register of monuments: the protection act of 1987 is not the time the data covers.
    "culture/heritage-sites-kalamata": (None, None),
    # Decisions issued and posted on Diavgeia in 2025 (issued 7 May, posted 8 May).
    "decisions/diavgeia-decision-kalamata": (
        ("2025-01-01", "2025-12-31"),
        ("2025-05-07", "2025-05-08"),
    ),
    "decisions/diavgeia-line-without-kae": (
        ("2025-01-01", "2025-12-31"),
        ("2025-05-07", "2025-05-08"),
    ),
    "decisions/diavgeia-real-search-agios-vasileios": (
        ("2025-01-01", "2025-12-31"),
        ("2025-03-10", "2025-04-20"),
    ),
    "decisions/diavgeia-search-kalamata": (
        ("2025-01-01", "2025-12-31"),
        ("2025-03-10", "2025-05-07"),
    ),
    # Daily means of 28 March to 2 April 2013 (each resultTime is the next midnight); the
    # stations' start years (1992) are not the time covered.
    "environment/air-quality-one-sheet": (
        ("2013-03-28", "2013-04-02"),
        ("2013-03-28", "2013-04-02"),
    ),
    "environment/air-quality-thessaloniki": (
        ("2012-12-29", "2013-04-02"),
        ("2012-12-29", "2013-04-02"),
    ),
    # Monthly quantities: January to December 2023, then January to April 2024.
    "environment/waste-kalamata-2023-wide": (
        ("2023-01-01", "2023-12-31"),
        ("2023-01-01", "2023-12-31"),
    ),
    "environment/waste-kalamata-2024": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-04-30"),
    ),
    # A budget's fiscal year.
    "finance/athens-budget-expense-2024": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-12-31"),
    ),
    "finance/athens-budget-expense-sample": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-12-31"),
    ),
    "finance/athens-budget-revenue-2024": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-12-31"),
    ),
    "finance/athens-budget-revenue-sample": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-12-31"),
    ),
    "finance/budget-expense-kalamata": (
        ("2024-01-01", "2024-12-31"),
        ("2024-01-01", "2024-12-31"),
    ),
    # Stops and routes, without a calendar.
    "mobility/gtfs-kalamata-urban": (None, None),
    # Occupancy observed on the morning of 6 May 2024.
    "mobility/parking-occupancy-kalamata": (
        ("2024-05-06", "2024-05-06"),
        ("2024-05-06", "2024-05-06"),
    ),
    "organisation/diavgeia-organisation-lemnos": (None, None),
    "organisation/diavgeia-units-kalamata": (None, None),
    "organisation/diavgeia-units-lemnos": (None, None),
    # Terms of office from 1 January 2024 to the end of the council's term, 31 December 2028.
    "organisation/elected-posts-kalamata": (
        ("2024-01-01", "2028-12-31"),
        ("2024-01-01", "2028-12-31"),
    ),
    "places/facilities-kalamata": (None, None),
    # Contracts concluded and in force from April to May 2025 (their end dates run into 2026).
    "procurement/kimdis-contracts-csv": (
        ("2025-01-01", "2025-12-31"),
        ("2025-04-10", "2025-05-21"),
    ),
    "procurement/kimdis-contracts-kalamata": (
        ("2025-01-01", "2025-12-31"),
        ("2025-03-03", "2025-05-30"),
    ),
    "services/service-catalogue-kalamata": (None, None),
    # Reference periods from the year 2021 to 31 December 2024 (years, March 2024, a day).
    "statistics/indicator-values-kalamata": (
        ("2021-01-01", "2024-12-31"),
        ("2021-01-01", "2024-12-31"),
    ),
    # The censuses of 2011 and 2021.
    "statistics/population-irakleio-attikis": (
        ("2011-01-01", "2021-12-31"),
        ("2011-01-01", "2021-12-31"),
    ),
    "statistics/population-kalamata": (
        ("2011-01-01", "2021-12-31"),
        ("2011-01-01", "2021-12-31"),
    ),
    "statistics/population-thessaloniki": (
        ("2011-01-01", "2021-12-31"),
        ("2011-01-01", "2021-12-31"),
    ),
    # Monthly consumption from January to March 2024 and the readings up to 1 April 2024.
    "utilities/meter-readings-deya-kalamata": (
        ("2024-01-01", "2024-04-01"),
        ("2024-01-01", "2024-04-01"),
    ),
    # Daily consumption of 11 and 12 March 2024, readings up to 13 March.
    "utilities/meter-readings-energy-kalamata": (
        ("2024-03-11", "2024-03-13"),
        ("2024-03-11", "2024-03-13"),
    ),
}

GRAPH_CASES = sorted(path.parent for path in CASES.glob("*/*/expected.nq"))


def case_name(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def case_spec(case: Path) -> dict[str, object]:
    return tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))


def expected_ntriples(case: Path) -> bytes:
    quads = ox.parse((case / "expected.nq").read_bytes(), format=ox.RdfFormat.N_QUADS)
    triples = [ox.Triple(quad.subject, quad.predicate, quad.object) for quad in quads]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def lift_period(mapping: Mapping, spec: dict[str, object]) -> str | None:
    parameters = spec.get("parameters", {})
    assert isinstance(parameters, dict)
    return parameters.get(mapping.period) if mapping.period else None


def test_every_case_with_a_graph_has_its_expected_coverage() -> None:
    assert {case_name(case) for case in GRAPH_CASES} == set(EXPECTED)


@pytest.mark.parametrize("case", GRAPH_CASES, ids=case_name)
def test_coverage_of_each_case_is_what_its_data_covers(case: Path) -> None:
    spec = case_spec(case)
    mapping = get_mapping(str(spec["mapping"]))
    data = expected_ntriples(case)
    as_lifted, from_data = EXPECTED[case_name(case)]
    assert temporal_coverage(lift_period(mapping, spec), data, mapping.temporal) == as_lifted
    assert temporal_coverage(None, data, mapping.temporal) == from_data


@pytest.mark.parametrize("name", sorted(available_mappings()))
def test_every_mapping_has_a_short_bilingual_title(name: str) -> None:
    mapping = available_mappings()[name]
    assert set(mapping.title) == {"el", "en"}, f"{name}: [catalogue] title needs el and en"
    for language, title in mapping.title.items():
        assert title.strip() == title and title, f"{name}: empty title ({language})"
        assert len(title) <= 60, f"{name}: the {language} title is {len(title)} characters"
        assert title != mapping.description[language], f"{name}: the title is the description"


def test_a_dataset_published_by_two_mappings_has_one_title() -> None:
    titles: dict[str, dict[str, str]] = {}
    for mapping in available_mappings().values():
        assert titles.setdefault(mapping.dataset, mapping.title) == mapping.title, mapping.name


@pytest.mark.parametrize("name", sorted(available_mappings()))
def test_temporal_properties_are_properties_the_mapping_emits(name: str) -> None:
    mapping = available_mappings()[name]
    emitted: set[str] = set()
    for case in GRAPH_CASES:
        if case_spec(case)["mapping"] == name:
            quads = ox.parse((case / "expected.nq").read_bytes(), format=ox.RdfFormat.N_QUADS)
            emitted |= {quad.predicate.value for quad in quads}
    for predicate in mapping.temporal:
        assert predicate.startswith(("http://", "https://")), f"{name}: {predicate} is no IRI"
        if emitted:
            assert predicate in emitted, f"{name}: no case of the mapping emits {predicate}"


def triple(predicate: str, value: str, subject: str = "http://x.test/s") -> bytes:
    return f"<{subject}> <{predicate}> {value} .\n".encode()


def test_a_yearly_period_wins_over_the_data() -> None:
    data = triple(REF_PERIOD, f'"2019"^^<{XSD}gYear>')
    assert temporal_coverage("2024", data, (REF_PERIOD,)) == ("2024-01-01", "2024-12-31")
    assert temporal_coverage("2010-2013", b"", ()) == ("2010-01-01", "2013-12-31")


def test_dates_of_other_properties_are_not_coverage() -> None:
    data = triple("http://x.test/protected", f'"1967-05-02"^^<{XSD}date>') + triple(
        REF_PERIOD, f'"2024-03"^^<{XSD}gYearMonth>'
    )
    assert temporal_coverage(None, data, (REF_PERIOD,)) == ("2024-03-01", "2024-03-31")
    assert temporal_coverage(None, data, ()) is None


def test_reference_period_iris_give_their_years_months_and_days() -> None:
    periods = ("year/2019", "month/2020-02", "day/2021-06-30")
    data = b"".join(
        triple(REF_PERIOD, f"<http://reference.data.gov.uk/id/{period}>", f"http://x.test/{n}")
        for n, period in enumerate(periods)
    )
    assert temporal_coverage(None, data, (REF_PERIOD,)) == ("2019-01-01", "2021-06-30")
    leap = triple(REF_PERIOD, "<http://reference.data.gov.uk/id/month/2024-02>")
    assert temporal_coverage(None, leap, (REF_PERIOD,)) == ("2024-02-01", "2024-02-29")


def test_a_result_time_ends_its_aggregation_period() -> None:
    monthly = triple(RESULT_TIME, f'"2024-02-01T00:00:00+02:00"^^<{XSD}dateTime>') + triple(
        AGGREGATION_PERIOD, f'"P1M"^^<{XSD}duration>'
    )
    assert temporal_coverage(None, monthly, (RESULT_TIME,)) == ("2024-01-01", "2024-01-31")
    instant = triple(RESULT_TIME, f'"2024-05-06T23:30:00+03:00"^^<{XSD}dateTime>')
    # The day in the value's own offset (Greek local time), not in UTC.
    assert temporal_coverage(None, instant, (RESULT_TIME,)) == ("2024-05-06", "2024-05-06")


def test_a_value_not_of_its_datatype_is_left_out() -> None:
    data = triple(REF_PERIOD, f'"2024-13"^^<{XSD}gYearMonth>') + triple(
        REF_PERIOD, f'"2022"^^<{XSD}gYear>', "http://x.test/t"
    )
    assert temporal_coverage(None, data, (REF_PERIOD,)) == ("2022-01-01", "2022-12-31")
    bad_period = triple(RESULT_TIME, f'"2024-02-01T00:00:00+02:00"^^<{XSD}dateTime>') + triple(
        AGGREGATION_PERIOD, f'"P1X"^^<{XSD}duration>'
    )
    assert temporal_coverage(None, bad_period, (RESULT_TIME,)) is None


def test_the_catalogue_record_of_a_lift_covers_the_indicators_reference_periods() -> None:
    """The record a lift writes takes the mapping's temporal properties: Kalamata's indicators
    once got 2024-12-31..2024-12-31, the only xsd:date among their reference periods."""
    lifted = lift(
        REPO / "examples" / "statistics" / "4401-indicators.cp1253.csv",
        get_mapping("indicator-values"),
        municipality="4401",
        parameters={},
        base_uri="http://demoi.test/",
    )
    change = dataset_record("http://demoi.test/", lifted, triples=1)
    dates = {quad.predicate: quad.object.value for quad in change.added}
    assert (dates[START_DATE], dates[END_DATE]) == ("2021-01-01", "2024-12-31")
