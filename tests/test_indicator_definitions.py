"""The Catalogue of Indicators as shipped in indicators/: every definition loads, the catalogue
covers what issue 9 asks for, and each formula gives the expected value for Kalamata (4401) on
the demo store (tests/conftest.py builds it at a tenth of its size; the values below are for that
store)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask

from conftest import DEMO_BASE, DEMO_MUNICIPALITY, REPO
from demoi.indicators.compute import Row, formula_rows
from demoi.indicators.definitions import Definition, read_definition, read_definitions, rounded
from demoi.server import app_store
from demoi.store import Store

DEFINITION_FILES = sorted((REPO / "indicators").glob("*.ttl"))

#: The ten examples issue 9 names, by the identifier the catalogue gives them.
ISSUE_EXAMPLES = (
    "expenditure-per-inhabitant",
    "budget-execution-rate",
    "revenue-collection-rate",
    "e-services-level-3",
    "recycling-share",
    "waste-per-inhabitant",
    "pm10-exceedance-days",
    "cultural-sites-per-10000",
    "parking-peak-occupancy",
    "diavgeia-publication-delay",
)

#: What each formula gives for Kalamata on the demo store: (period, value rounded as the
#: definition says). The demo has every input, so every indicator has a value; a municipality
#: without the inputs is test_no_input_gives_no_value_never_a_zero. A period of None: the source
#: is a register without a period, and the compute step dates the value by its publication.
KALAMATA = {
    # Paid and adjusted over the lines with both: the 2024 file has a line (20/7131.01, adjusted
    # 1,240,000.00) without a payment, unknown rather than zero, so it is left out of both sums:
    # 16,446,670.58 / (20,386,100.50 − 1,240,000.00 = 19,146,100.50) = 85.90 %. Counting its
    # adjusted amount alone gave 80.68 %.
    "budget-execution-rate": ("2024", "85.9"),
    # KAE classes 6 and 7 paid 16,156,728.57 € / 71,894 inhabitants (census 2021) = 224.73 €, a
    # lower bound: line 20/7131.01 has no payment.
    "expenditure-per-inhabitant": ("2024", "224.73"),
    # Class 7 paid 1,797,205.40 / classes 6 and 7 paid 16,156,728.57 = 11.12 %.
    "investment-share": ("2024", "11.1"),
    # Classes 0–3, every line with both amounts: collected 25,273,071.20 / certified
    # 27,997,514.48 = 90.27 % (the class 1 line without either amount changes nothing).
    "revenue-collection-rate": ("2024", "90.3"),
    "revenue-per-inhabitant": ("2024", "341.51"),
    "contracts-value-per-inhabitant": ("2025", "12.44"),
    # All six services state a level, two at level 3: 2 / 6 = 33.3 %.
    "e-services-level-3": (None, "33.3"),
    # Four of twelve months (0.333 coverage): provisional values, not scaled up to a year.
    "recycling-share": ("2024", "16.4"),
    "waste-per-inhabitant": ("2024", "160.3"),
    # The demo's one station has two PM10 daily means (3 and 22 µg/m³), none over 50: a real
    # zero, not a missing value.
    "pm10-exceedance-days": ("2024", "0"),
    # Four monuments and three museums: 7 × 10,000 / 71,894 = 0.97.
    "cultural-sites-per-10000": (None, "0.97"),
    # Ten events, two of them performances of a festival that counts once: 8 × 10,000 / 71,894.
    "cultural-events-per-10000": ("2024", "1.11"),
    # 15-minute intervals (UTC; the readings are at +03:00), each car park's last reading in each:
    # 10:00 P01 198 occupied / 52 free and P02 61 / 19 (10:02:11.412): 259 / 330 = 78.5 %;
    # 10:15 P01 205 / 45: 82.0 %; 10:30 P01 212 / 38 and P02 64 / 16 (10:32:10.051): 276 / 330 =
    # 83.64 %; 10:45 P01 reported free spaces only, so no car park counts. Peak: 83.6 %. Per
    # instant it was P01's 212 / 250 = 84.8 %, one car park's reading.
    "parking-peak-occupancy": ("2024", "83.6"),
    # Seven stops: two accessible, two not, three unknown (two without information, one referring
    # to its parent station), left out: 2 / 4 = 50.0 % (it was 2 / 7 = 28.6 %).
    "accessible-stops-share": (None, "50.0"),
    # The facilities register: 14 accessible, 4 not, 1 without a record (left out): 14 / 18 =
    # 77.8 %. The heritage register's two municipal museums are not counted (it was 14 / 21).
    "accessible-facilities-share": (None, "77.8"),
    # Eight decisions, published 3, 1, 0, 3, 5, 1, 3 and 1 days after issue: 17 / 8 = 2.125.
    "diavgeia-publication-delay": ("2025", "2.1"),
    # (71,894 − 69,849) / 69,849 = 2.93 %, as the valid-indicator shape case has it.
    "population-change": ("2021", "2.93"),
    # The draft: the demo's telemetry totals cover three household meters, not a town of 71,894,
    # hence 0.013 L a day, rounded to 0.0; the reason it is not approved.
    "water-consumption-per-inhabitant": ("2024", "0.0"),
    # The other draft: declared times PT10M, P1D, P2M, P28D and P30D are 0, 1, 60, 28 and 30
    # days (a month is 30 by the draft's convention): 119 / 5 = 23.8.
    "service-processing-days": (None, "23.8"),
}

#: The coverage each formula gives for Kalamata, rounded to three places as the compute step
#: keeps it; an indicator not listed projects none (a register, a census, a set of decisions).
KALAMATA_COVERAGE = {
    # The adjusted amount of the lines with a payment: 19,146,100.50 / 20,386,100.50.
    "budget-execution-rate": "0.939",
    # Classes 6 and 7 only: (15,538,500 + 3,185,000) / (15,538,500 + 3,185,000 + 1,240,000).
    "expenditure-per-inhabitant": "0.938",
    "investment-share": "0.938",
    # Every certified amount has its collected amount.
    "revenue-collection-rate": "1.000",
    "revenue-per-inhabitant": "1.000",
    # Four months of twelve.
    "recycling-share": "0.333",
    "waste-per-inhabitant": "0.333",
    # The one station's two days of 366; the car parks' one day of 366.
    "pm10-exceedance-days": "0.005",
    "parking-peak-occupancy": "0.003",
    # Three months of twelve.
    "water-consumption-per-inhabitant": "0.250",
}


def kalamata_rows(store: Store, definition: Definition) -> list[Row]:
    """The formula's rows for Kalamata, over its own graphs and the standards, as the compute
    step runs it."""
    return formula_rows(store, DEMO_BASE, definition, DEMO_MUNICIPALITY)


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Definition]:
    return read_definitions(DEMO_BASE)


@pytest.mark.parametrize("path", DEFINITION_FILES, ids=[p.stem for p in DEFINITION_FILES])
def test_every_definition_loads(path: Path) -> None:
    definition = read_definition(path, DEMO_BASE)
    assert definition.identifier == path.stem
    assert definition.iri == f"{DEMO_BASE}id/indicator/{path.stem}"
    assert set(definition.labels) == {"el", "en"}
    for prose in (definition.definitions, definition.method, definition.notes):
        assert set(prose) == {"el", "en"}, f"{path.name}: Greek and English"
        assert all(len(text.split()) >= 8 for text in prose.values()), "real prose"
    assert definition.unit.startswith(
        ("http://qudt.org/vocab/unit/", "http://qudt.org/vocab/currency/")
    )
    assert definition.direction in {"higher-is-better", "lower-is-better", "neutral"}
    if definition.status == "approved":
        assert definition.accepted is not None
        assert set(definition.approved_by) == {"el", "en"}
    else:
        assert definition.status == "draft"
        assert definition.accepted is None and not definition.approved_by


def test_the_catalogue_covers_the_issue(catalogue: dict[str, Definition]) -> None:
    assert len(catalogue) >= 17
    assert len({area for d in catalogue.values() for area in d.areas}) >= 8
    assert any(d.status == "draft" for d in catalogue.values())
    missing = [identifier for identifier in ISSUE_EXAMPLES if identifier not in catalogue]
    assert not missing, f"issue 9's examples missing: {missing}"
    assert all(catalogue[identifier].is_public for identifier in ISSUE_EXAMPLES)
    assert set(KALAMATA) == set(catalogue), "every indicator has its expected value below"
    assert set(KALAMATA_COVERAGE) <= set(KALAMATA)


def test_per_inhabitant_indicators_divide_by_the_published_census(
    catalogue: dict[str, Definition],
) -> None:
    # QUDT has no per-inhabitant unit: the unit is the numerator's and the label says it.
    for definition in catalogue.values():
        english, greek = definition.labels["en"], definition.labels["el"]
        per_inhabitant = "per inhabitant" in english or "per 10,000 inhabitants" in english
        assert per_inhabitant == ("ανά κάτοικο" in greek or "ανά 10.000 κατοίκους" in greek)
        if per_inhabitant:
            assert "population-census" in definition.sources, definition.identifier
            assert definition.unit_code in {"EUR", "KiloGM", "NUM", "L-PER-DAY"}
            assert "census" in definition.method["en"]


@pytest.mark.parametrize("identifier", sorted(KALAMATA))
def test_value_for_kalamata_on_the_demo(identifier: str, demo_app: Flask) -> None:
    definition = read_definitions(DEMO_BASE)[identifier]
    period, expected = KALAMATA[identifier]
    rows = kalamata_rows(app_store(demo_app), definition)
    assert len(rows) == 1, rows
    (row,) = rows
    assert row.value is not None
    assert (row.period, rounded(row.value, definition.decimals)) == (period, Decimal(expected))
    coverage = KALAMATA_COVERAGE.get(identifier)
    if coverage is None:
        assert row.coverage is None, "a register or a census covers its period"
    else:
        assert row.coverage is not None and rounded(row.coverage, 3) == Decimal(coverage), row


def test_no_input_gives_no_value_never_a_zero(
    catalogue: dict[str, Definition], demo_app: Flask
) -> None:
    # Heraklion (7101) published nothing in the test demo, but the standards graphs its formulas
    # see hold the municipality code list (with a 2021 population): no formula may fall back on
    # it, and the shares whose numerator is COALESCEd to 0 must still give no row, since their
    # denominator does not exist.
    store = app_store(demo_app)
    for definition in catalogue.values():
        assert formula_rows(store, DEMO_BASE, definition, "7101") == [], definition.identifier


def test_unreadable_processing_time_gives_no_value_not_a_wrong_one(store: Store) -> None:
    # A duration in years cannot be read as days by the draft's convention: the mean must be
    # missing (the compute step then writes a note), not the mean of the readable ones.
    store.update(
        """
PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { GRAPH <http://demoi.test/graph/4401/public-services> {
  <http://demoi.test/id/public-service/4401-001> a cpsv:PublicService ;
      demoi:municipality <https://w3id.org/demoi/code/municipality/4401> ;
      m8g:processingTime "P10D"^^xsd:duration .
  <http://demoi.test/id/public-service/4401-002> a cpsv:PublicService ;
      demoi:municipality <https://w3id.org/demoi/code/municipality/4401> ;
      m8g:processingTime "P1Y"^^xsd:duration .
} }"""
    )
    assert rows_of(store, "service-processing-days") == [Row(None, None, None)]


# Regression tests for the review of the formulas: each runs a definition over a few triples of
# Kalamata's graphs in an empty store, where the hand computation is short.

PREFIXES = """
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX gtfs: <http://vocab.gtfs.org/terms#>
PREFIX place: <https://w3id.org/demoi/def/places#>
PREFIX schema: <http://schema.org/>
PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX svc: <https://w3id.org/demoi/def/services#>
PREFIX level: <https://w3id.org/demoi/code/interactivity-level/>
PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX mob: <https://w3id.org/demoi/def/mobility#>
PREFIX env: <https://w3id.org/demoi/def/environment#>
PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
PREFIX pollutant: <http://dd.eionet.europa.eu/vocabulary/aq/pollutant/>
PREFIX property: <https://w3id.org/demoi/code/observable-property/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX municipality: <https://w3id.org/demoi/code/municipality/>
PREFIX id: <http://demoi.test/id/>
"""


def insert(store: Store, graph: str, triples: str) -> None:
    """Add ``triples`` (Turtle, with PREFIXES) to Kalamata's graph ``graph``."""
    store.update(
        f"{PREFIXES}INSERT DATA {{ GRAPH <{DEMO_BASE}graph/4401/{graph}> {{ {triples} }} }}"
    )


def rows_of(store: Store, identifier: str) -> list[Row]:
    """The formula's rows over every graph of Kalamata in the store: these graphs are written
    here, not lifted, so no catalogue record names them for the compute step to read."""
    definition = read_definition(REPO / "indicators" / f"{identifier}.ttl", DEMO_BASE)
    own = f"{DEMO_BASE}graph/{DEMO_MUNICIPALITY}/"
    graphs = tuple(info.iri for info in store.graphs() if info.iri.startswith(own))
    return formula_rows(store, DEMO_BASE, definition, DEMO_MUNICIPALITY, graphs)


def only_value(store: Store, identifier: str) -> tuple[Decimal | None, Decimal | None]:
    """The one row's value and coverage, both rounded to three places."""
    (row,) = rows_of(store, identifier)
    assert row.value is not None, row
    coverage = None if row.coverage is None else rounded(row.coverage, 3)
    return rounded(row.value, 3), coverage


def test_unrecorded_accessibility_is_not_zero(store: Store) -> None:
    # Stops and facilities whose access nobody recorded were counted as not accessible: a feed or
    # a register that records nothing was published as 0 %. Now they give no row at all...
    insert(
        store,
        "public-transport",
        """
id:stop\\/1 a gtfs:Stop ; demoi:municipality municipality:4401 .
id:stop\\/2 a gtfs:Stop ; demoi:municipality municipality:4401 ;
    gtfs:wheelchairAccessible gtfs:CheckParentStation .""",
    )
    insert(
        store,
        "facilities",
        "id:facility\\/1 a place:MunicipalFacility ; demoi:municipality municipality:4401 .",
    )
    assert rows_of(store, "accessible-stops-share") == []
    assert rows_of(store, "accessible-facilities-share") == []
    # ...and a real zero only once some are recorded and none qualifies: 0 / 1.
    insert(
        store,
        "public-transport",
        """id:stop\\/3 a gtfs:Stop ; demoi:municipality municipality:4401 ;
               gtfs:wheelchairAccessible gtfs:NotWheelchairAccessible .""",
    )
    insert(
        store,
        "facilities",
        """id:facility\\/2 a place:MunicipalFacility ; demoi:municipality municipality:4401 ;
               place:wheelchairAccessible false .""",
    )
    assert only_value(store, "accessible-stops-share") == (Decimal(0), None)
    assert only_value(store, "accessible-facilities-share") == (Decimal(0), None)


def test_heritage_museums_are_not_counted_as_facilities(store: Store) -> None:
    # The heritage register (not a source of the indicator) types its municipal museums as
    # place:MunicipalFacility; they were in the denominator: 1 / 3 = 33.3 %. The facilities
    # register alone: one accessible of two recorded, 50 %.
    insert(
        store,
        "facilities",
        """
id:facility\\/1 a place:MunicipalFacility ; demoi:municipality municipality:4401 ;
    place:wheelchairAccessible true .
id:facility\\/2 a place:MunicipalFacility ; demoi:municipality municipality:4401 ;
    place:wheelchairAccessible false .""",
    )
    insert(
        store,
        "heritage-sites",
        """id:facility\\/4401\\/M1 a place:MunicipalFacility , schema:Museum ;
               demoi:municipality municipality:4401 .""",
    )
    assert only_value(store, "accessible-facilities-share") == (Decimal("50.000"), None)


def test_services_without_a_level_are_not_below_level_3(store: Store) -> None:
    # Two services without a stated level counted as not online: 1 / 4 = 25 %. The services
    # with a level: one of two at level 3, 50 %; a catalogue with no level at all gives no row.
    insert(
        store,
        "public-services",
        """
id:service\\/1 a cpsv:PublicService ; demoi:municipality municipality:4401 .
id:service\\/2 a cpsv:PublicService ; demoi:municipality municipality:4401 .""",
    )
    assert rows_of(store, "e-services-level-3") == []
    insert(
        store,
        "public-services",
        """
id:service\\/3 a cpsv:PublicService ; demoi:municipality municipality:4401 ;
    svc:interactivityLevel level:3 .
id:service\\/4 a cpsv:PublicService ; demoi:municipality municipality:4401 ;
    svc:interactivityLevel level:1 .""",
    )
    assert only_value(store, "e-services-level-3") == (Decimal("50.000"), None)


def test_unknown_payment_is_not_counted_as_zero(store: Store) -> None:
    # Line 6 adjusted 100, paid 80; line 7 adjusted 300 with no payment (an empty paid cell).
    # The unknown payment counted as zero: 80 / 400 = 20 %. Over the lines with both amounts:
    # 80 / 100 = 80 %, with coverage 100 / 400 = 0.25, so the value is provisional.
    insert(
        store,
        "budget-expense/2024",
        """
id:line\\/6 a fin:ExpenditureLine ; fin:municipality municipality:4401 ;
    fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "6121.01" ;
    fin:adjusted 100.0 ; fin:paid 80.0 .
id:line\\/7 a fin:ExpenditureLine ; fin:municipality municipality:4401 ;
    fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "7131.01" ; fin:adjusted 300.0 .""",
    )
    assert only_value(store, "budget-execution-rate") == (Decimal("80.000"), Decimal("0.250"))
    # The other shares of payments: no known payment for investments is 0 %, but only a lower
    # bound, published as provisional with the same coverage.
    assert only_value(store, "investment-share") == (Decimal(0), Decimal("0.250"))


def test_unknown_collection_is_not_counted_as_zero(store: Store) -> None:
    # Class 0 certified 200, collected 150; class 1 certified 200 with no collected amount; class
    # 4 (collections for third parties) does not count. It was 150 / 400 = 37.5 %; over the lines
    # with both, 150 / 200 = 75 %, coverage 200 / 400 = 0.5.
    insert(
        store,
        "budget-revenue/2024",
        """
id:line\\/0 a fin:RevenueLine ; fin:municipality municipality:4401 ;
    fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "0111.01" ;
    fin:certified 200.0 ; fin:collected 150.0 .
id:line\\/1 a fin:RevenueLine ; fin:municipality municipality:4401 ;
    fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "1211.01" ; fin:certified 200.0 .
id:line\\/4 a fin:RevenueLine ; fin:municipality municipality:4401 ;
    fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "4111.01" ;
    fin:certified 1000.0 ; fin:collected 0.0 .""",
    )
    assert only_value(store, "revenue-collection-rate") == (Decimal("75.000"), Decimal("0.500"))


def test_investment_share_without_investment_lines_is_a_real_zero(store: Store) -> None:
    # The scope note promised a real zero to accounts with payments for expenses and no class 7
    # line; the class 7 sum, joined as a required part, dropped the municipality instead.
    insert(
        store,
        "budget-expense/2024",
        """id:line\\/6 a fin:ExpenditureLine ; fin:municipality municipality:4401 ;
               fin:fiscalYear "2024"^^xsd:gYear ; fin:kaeCode "6121.01" ;
               fin:adjusted 100.0 ; fin:paid 80.0 .""",
    )
    assert only_value(store, "investment-share") == (Decimal(0), Decimal("1.000"))


def parking_reading(car_park: str, at: str, occupied: int | None, free: int | None) -> str:
    observations = []
    for name, spaces in (("occupied-spaces", occupied), ("free-spaces", free)):
        if spaces is not None:
            observations.append(
                f"""[] a mob:ParkingOccupancyObservation ;
                    sosa:hasFeatureOfInterest id:{car_park} ;
                    sosa:resultTime "{at}"^^xsd:dateTime ; sosa:observedProperty property:{name} ;
                    sosa:hasResult [ qudt:numericValue {spaces} ] ."""
            )
    return "\n".join(observations)


def test_parking_peak_is_over_intervals_not_single_readings(store: Store) -> None:
    # Real-time feeds stamp readings to the millisecond, so car parks never reported at the same
    # instant and the "peak" was the fullest single car park's reading (P1's 95 / 100 = 95 %).
    insert(
        store,
        "catalogue",
        f"id:record dcterms:relation <{DEMO_BASE}graph/4401/parking-occupancy> ; "
        "demoi:municipality municipality:4401 .",
    )
    readings = [
        # 10:00–10:15 (+03:00): P1's last reading is 40 / 60 (its 95 / 5 was earlier); P2 is in
        # UTC and lines up: 30 / 70. P3 reported free spaces only: with no occupied count to pair
        # with, it is left out. (40 + 30) / 200 = 35 %.
        parking_reading("P1", "2024-03-01T10:00:00.123+03:00", 95, 5),
        parking_reading("P1", "2024-03-01T10:14:59.990+03:00", 40, 60),
        parking_reading("P2", "2024-03-01T07:07:31.456Z", 30, 70),
        parking_reading("P3", "2024-03-01T10:05:00+03:00", None, 100),
        # 10:15–10:30: P1 60 / 40; P2 50 occupied and 50 free, sent a few milliseconds apart (a
        # join on the instant dropped it): 110 / 200 = 55 %, the peak.
        parking_reading("P1", "2024-03-01T10:16:02.001+03:00", 60, 40),
        parking_reading("P2", "2024-03-01T10:29:59.100+03:00", 50, None),
        parking_reading("P2", "2024-03-01T10:29:59.999+03:00", None, 50),
    ]
    insert(store, "parking-occupancy", "\n".join(readings))
    # One day with readings in 2024: coverage 1 / 366.
    assert only_value(store, "parking-peak-occupancy") == (Decimal("55.000"), Decimal("0.003"))
    # P2's readings published again under another dataset id: it still counts once (twice, the
    # peak would be (60 + 2 × 50) / (100 + 2 × 100) = 53.3 %).
    insert(
        store,
        "catalogue",
        f"id:record2 dcterms:relation <{DEMO_BASE}graph/4401/parking-feed> ; "
        "demoi:municipality municipality:4401 .",
    )
    insert(store, "parking-feed", "\n".join(r for r in readings if "id:P2 " in r))
    assert only_value(store, "parking-peak-occupancy") == (Decimal("55.000"), Decimal("0.003"))


def pm10_day(station: str, day: int, concentration: int) -> str:
    # A daily mean is reported at the first instant of the next day.
    return f"""[] a env:AirQualityObservation ; sosa:hasFeatureOfInterest id:{station} ;
        sosa:observedProperty pollutant:5 ; env:aggregationPeriod "P1D"^^xsd:duration ;
        sosa:resultTime "2024-01-{day + 1:02d}T00:00:00+02:00"^^xsd:dateTime ;
        sosa:hasResult [ qudt:numericValue {concentration} ; qudt:unit unit:MicroGM-PER-M3 ] ."""


def test_pm10_coverage_comes_from_the_worst_station(store: Store) -> None:
    # A: 2 days over 50 of 3 measured; B: 0 of 20; C: 2 of 5. The value was MAX of the counts (2)
    # and the coverage MAX of the coverages (B's 20 / 366), from different stations. Now both come
    # from the worst station, ties to the best covered: C, 2 days, coverage 5 / 366 = 0.014.
    days = [pm10_day("A", day, level) for day, level in ((1, 60), (2, 70), (3, 10))]
    days += [pm10_day("B", day, 20) for day in range(1, 21)]
    days += [pm10_day("C", day, level) for day, level in enumerate((80, 90, 10, 10, 10), start=1)]
    stations = " ".join(f"id:{s} demoi:municipality municipality:4401 ." for s in "ABC")
    insert(store, "air-quality", stations + "\n".join(days))
    assert only_value(store, "pm10-exceedance-days") == (Decimal(2), Decimal("0.014"))


def test_decision_published_before_issue_does_not_void_the_year(store: Store) -> None:
    # A decision "published" two days before its issue date gave a duration of -P2D, which the
    # formula could not read: its delay was unbound and the AVG lost the whole year. It is a data
    # error and is left out; the others: (2 + 4) / 2 = 3 days.
    decisions = [
        ("d1", "2025-03-01", "2025-03-03"),
        ("d2", "2025-03-01", "2025-03-05"),
        ("d3", "2025-03-05", "2025-03-03"),
    ]
    insert(
        store,
        "decisions",
        "\n".join(
            f"""id:{name} a dec:Decision ; demoi:municipality municipality:4401 ;
                   eli:date_document "{issued}"^^xsd:date ;
                   eli:date_publication "{published}"^^xsd:date ."""
            for name, issued, published in decisions
        ),
    )
    assert rows_of(store, "diavgeia-publication-delay") == [Row("2025", Decimal(3), None)]
