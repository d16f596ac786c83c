"""Computing an indicator: its formula, run over each municipality's own published graphs.

The formula runs once per municipality, over a dataset made of that municipality's graphs
(``{base}graph/<code>/…``): a formula reads data by vocabulary terms
(``fin:municipality ?area``), and over the whole store a token of one municipality could write
triples that claim another's budget; this way a value of 4401 comes from 4401's graphs only,
and the graphs it came from are known.

Missing inputs give no value and a note (a Gap), never a zero.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from demoi.catalogue import catalogue_graph
from demoi.indicators.definitions import MUNICIPALITY, Definition, rounded
from demoi.iris import MAPPING_PLANS, provenance_graph
from demoi.municipalities import municipalities
from demoi.store import Store
from demoi.store.base import Dataset
from demoi.store.base import Row as Row_

DCTERMS_MODIFIED = "http://purl.org/dc/terms/modified"
DCTERMS_RELATION = "http://purl.org/dc/terms/relation"

#: A formula runs over one municipality's graphs, which are small; a minute is generous, and a
#: formula that takes longer is wrong (a cross product) rather than slow.
FORMULA_TIMEOUT = 60.0


def text(term: object) -> str | None:
    """An IRI's or a literal's text; None for anything else (unbound, a blank node)."""
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else None


@dataclass(frozen=True)
class Published:
    """One published graph of a municipality, by its catalogue record; ``dataset`` is the kind
    of data (the dataset id of the mapping that lifted it)."""

    code: str
    dataset: str
    period: str | None
    graph: str
    modified: str | None


@dataclass(frozen=True)
class Value:
    code: str
    period: str
    value: Decimal
    coverage: Decimal | None
    sources: tuple[str, ...]
    #: The period was not in the data (a register): it is the year of the latest publication.
    period_from_publication: bool = False

    @property
    def is_provisional(self) -> bool:
        return self.coverage is not None and self.coverage < 1


@dataclass(frozen=True)
class Gap:
    """No value for a municipality (and period), and why, in Greek and English."""

    code: str
    period: str | None
    reason_el: str
    reason_en: str


@dataclass(frozen=True)
class Computation:
    definition: Definition
    values: tuple[Value, ...]
    gaps: tuple[Gap, ...]

    @property
    def periods(self) -> list[str]:
        return sorted({value.period for value in self.values})


@dataclass(frozen=True)
class Inputs:
    """What the store holds for the computation: its graphs and the municipalities' published
    graphs. Read once per run: listing the graphs scans the whole store."""

    graphs: tuple[str, ...]
    published: tuple[Published, ...]


def read_inputs(store: Store, base: str) -> Inputs:
    graphs = tuple(info.iri for info in store.graphs())
    return Inputs(graphs, tuple(published_graphs(store, base, graphs)))


def published_graphs(store: Store, base: str, graphs: tuple[str, ...]) -> list[Published]:
    """Every graph a municipality published through a lift, by the records of its own catalogue
    graph (``{base}graph/<code>/catalogue``, which no token writes)."""
    from demoi.dcat.model import own_catalogue

    catalogues = [graph for graph in graphs if own_catalogue(base, graph)]
    if not catalogues:
        return []
    query = f"""
SELECT ?catalogue ?graph (MAX(STR(?modified)) AS ?when) WHERE {{
  VALUES ?catalogue {{ {" ".join(f"<{g}>" for g in catalogues)} }}
  GRAPH ?catalogue {{ ?record <{DCTERMS_RELATION}> ?graph .
                      OPTIONAL {{ ?record <{DCTERMS_MODIFIED}> ?modified }} }}
}} GROUP BY ?catalogue ?graph"""
    kinds = _lifted_kinds(store, base)
    found = []
    for catalogue, graph, when in store.query(query).rows:
        code = own_catalogue(base, text(catalogue) or "")
        if code is None or not isinstance(graph, ox.NamedNode):
            continue
        parts = graph.value.removeprefix(f"{base}graph/{code}/").split("/")
        if not graph.value.startswith(f"{base}graph/{code}/") or not parts[0]:
            continue  # a record may only describe its own municipality's graphs
        period = parts[1] if len(parts) > 1 else None
        kind = kinds.get(graph.value, parts[0])
        found.append(Published(code, kind, period, graph.value, text(when)))
    return found


def _lifted_kinds(store: Store, base: str) -> dict[str, str]:
    """Each lifted graph's kind of data: the dataset id of the mapping that lifted it, by its
    provenance. A municipality may publish under its own id (``--dataset
    water-meter-readings``), so the graph's name does not say what its data are."""
    from demoi.lifting.mappings import available_mappings

    query = f"""
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?graph ?plan WHERE {{ GRAPH <{provenance_graph(base)}> {{
  ?graph prov:wasGeneratedBy/prov:qualifiedAssociation/prov:hadPlan ?plan }}
  FILTER(STRSTARTS(STR(?plan), {ox.Literal(MAPPING_PLANS)})) }}"""
    mappings = available_mappings()
    kinds = {}
    for graph, plan in store.query(query).rows:
        name = (text(plan) or "").removeprefix(MAPPING_PLANS)
        if isinstance(graph, ox.NamedNode) and name in mappings:
            kinds[graph.value] = mappings[name].dataset
    return kinds


def readable_graphs(
    base: str,
    code: str,
    published: Iterable[Published],
    existing: Iterable[str],
    kinds: Iterable[str],
) -> tuple[str, ...]:
    """The graphs a formula reads for ``code``: the graphs of the definition's source datasets
    (``kinds``) it published through a lift (its catalogue records name them) and its catalogue
    graph: the graphs a value names as its sources. Not its other graphs, nor a graph its token
    wrote without a lift: data written there could move the value while the value credited
    the source datasets (found in review, twice). Not the
    standards graphs: no formula needs them (code-list IRIs are written in the formula), and
    the time of a query grows with the number of graphs it names: leaving their 68 graphs out
    made a run 4.8 times faster (benchmarks/README.md). Only graphs the store has: a dropped
    graph keeps its record, and the dataset guard takes a graph the store lacks for an outside
    one."""
    present, sources = set(existing), set(kinds)
    own = sorted(
        {
            g.graph
            for g in published
            if g.code == code and g.graph in present and g.dataset in sources
        }
    )
    return (*own, catalogue_graph(base, code)) if own else ()


@dataclass(frozen=True)
class Row:
    period: str | None
    value: Decimal | None
    coverage: Decimal | None


def formula_rows(
    store: Store,
    base: str,
    definition: Definition,
    code: str,
    graphs: tuple[str, ...] | None = None,
) -> list[Row]:
    """What the formula gives for municipality ``code`` over its readable graphs alone
    (``graphs``; by default, read from the store); rows about any other area are dropped."""
    if graphs is None:
        inputs = read_inputs(store, base)
        graphs = readable_graphs(base, code, inputs.published, inputs.graphs, definition.sources)
    if not graphs:
        return []  # an empty dataset would mean every graph of the store
    result = store.query(
        definition.formula,
        dataset=Dataset(default_graphs=graphs, named_graphs=graphs),
        timeout=FORMULA_TIMEOUT,
    )
    columns = {name: index for index, name in enumerate(result.variables)}
    area = MUNICIPALITY + code
    rows = []
    for row in result.rows:
        if text(row[columns["area"]]) != area:
            continue
        rows.append(
            Row(
                _cell(row, columns, "period"),
                _number(_cell(row, columns, "value")),
                _number(_cell(row, columns, "coverage")),
            )
        )
    return rows


def _cell(row: Row_, columns: dict[str, int], name: str) -> str | None:
    if name not in columns:
        return None
    term = row[columns[name]]
    return term.value if isinstance(term, ox.Literal) else None


#: A reference year a value may have: from the first Greek census (1828, in the ELSTAT series)
#: to next year. A formula's ?period outside it (a forged 9999, a year in other digits) is a
#: note, not a period: one municipality's data must not add years to everyone's table.
FIRST_YEAR = 1828


def year_of(text: str) -> str | None:
    matched = re.match(r"^([0-9]{4})(?![0-9])", text.strip())
    if matched is None:
        return None
    year = int(matched.group(1))
    return matched.group(1) if FIRST_YEAR <= year <= date.today().year + 1 else None


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def compute(
    store: Store,
    base: str,
    definition: Definition,
    *,
    year: str | None = None,
    codes: Iterable[str] | None = None,
    inputs: Inputs | None = None,
) -> Computation:
    """The indicator for every municipality that publishes data (or those of ``codes``), for
    every period, or for ``year`` alone."""
    inputs = inputs or read_inputs(store, base)
    everything = inputs.published
    by_code: dict[str, list[Published]] = {}
    for graph in everything:
        if graph.dataset in definition.sources:
            by_code.setdefault(graph.code, []).append(graph)
    # Every municipality that publishes anything: one without this indicator's inputs gets a
    # note saying which are missing, so that its absence from the table is explained.
    wanted = set(codes) if codes is not None else {graph.code for graph in everything}
    values: list[Value] = []
    gaps: list[Gap] = []
    for code in sorted(wanted & set(municipalities())):
        graphs = by_code.get(code, [])
        found, missed = _for_municipality(store, base, definition, code, graphs, year, inputs)
        values += found
        gaps += missed
    periods = {value.period for value in values}
    explained = {(gap.code, gap.period) for gap in gaps}
    gaps += [
        gap
        for gap in _periods_without_value(definition, values, by_code, wanted, periods)
        if (gap.code, gap.period) not in explained
    ]
    return Computation(definition, tuple(values), tuple(sorted(gaps, key=_gap_order)))


def common_periods(periods: Iterable[str]) -> set[str]:
    """The periods more than half as many values have as the best-covered period: the years
    a table is about, not one municipality's own."""
    counts = Counter(periods)
    if not counts:
        return set()
    best = max(counts.values())
    return {period for period, count in counts.items() if count > best / 2}


def _gap_order(gap: Gap) -> tuple[str, str]:
    return gap.code, gap.period or ""


def _for_municipality(
    store: Store,
    base: str,
    definition: Definition,
    code: str,
    graphs: list[Published],
    year: str | None,
    inputs: Inputs,
) -> tuple[list[Value], list[Gap]]:
    missing = [d for d in definition.sources if d not in {g.dataset for g in graphs}]
    if missing:
        return [], [_missing_sources(code, year, missing)]
    latest = max((g.modified or "" for g in graphs), default="")[:4] or None
    values: list[Value] = []
    gaps: list[Gap] = []
    readable = readable_graphs(base, code, inputs.published, inputs.graphs, definition.sources)
    rows = formula_rows(store, base, definition, code, readable)
    not_years = sorted({row.period for row in rows if row.period and not year_of(row.period)})
    if not_years:
        gaps.append(_not_years(code, not_years))
    rows = [row for row in rows if row.period is None or year_of(row.period)]
    periods = [year_of(row.period) if row.period else latest for row in rows]
    repeated = _repeated_periods(periods)
    for row, period in zip(rows, periods, strict=True):
        if period is None or (year is not None and period != year):
            continue
        if period in repeated:
            # One municipality's data (a year written two ways) must not stop the whole run.
            if all(gap.period != period for gap in gaps):
                gaps.append(_repeated(code, period))
            continue
        value = _rounded(row.value, definition.decimals)
        if value is None:
            gaps.append(_no_value(code, period) if row.value is None else _too_large(code, period))
            continue
        coverage = (
            None
            if row.coverage is None
            else _rounded(min(max(row.coverage, Decimal(0)), Decimal(1)), 3)
        )
        values.append(
            Value(
                code,
                period,
                value,
                coverage,
                _sources(readable, base, code),
                period_from_publication=row.period is None,
            )
        )
    if not values and not gaps:
        gaps.append(
            Gap(
                code,
                year,
                "τα δημοσιευμένα δεδομένα του δήμου δεν δίνουν τιμή (π.χ. δεν έχουν τις εγγραφές "
                "που διαβάζει ο τύπος)",
                "the municipality's published data give no value (e.g. they lack the records "
                "the formula reads)",
            )
        )
    return values, gaps


def _repeated_periods(periods: list[str | None]) -> set[str | None]:
    """Periods the formula gives more than one row for: two values of one observation."""
    seen: set[str | None] = set()
    repeated: set[str | None] = set()
    for period in periods:
        (repeated if period in seen else seen).add(period)
    return repeated


def _rounded(number: Decimal | None, decimals: int) -> Decimal | None:
    """The value rounded as the definition says; None for a number too large to round (data
    that cannot be a real value, not a reason to stop the run)."""
    if number is None:
        return None
    try:
        return rounded(number, decimals)
    except InvalidOperation:
        return None


def _sources(readable: tuple[str, ...], base: str, code: str) -> tuple[str, ...]:
    """The graphs a value was computed from: every graph its formula read but the catalogue
    graph. Not only those of the value's year: a line written into another year's graph moves
    the value too (found in review: 85.9 became 23.8 crediting the 2024 graph alone)."""
    return tuple(graph for graph in readable if graph != catalogue_graph(base, code))


def _not_years(code: str, found: list[str]) -> Gap:
    shown = ", ".join(repr(text) for text in found[:3]) + (" …" if len(found) > 3 else "")
    return Gap(
        code,
        None,
        f"τα δεδομένα δίνουν περιόδους που δεν είναι έτη ({shown}): οι τιμές τους παραλείπονται",
        f"the data give periods that are not years ({shown}): their values are left out",
    )


def _repeated(code: str, period: str | None) -> Gap:
    return Gap(
        code,
        period,
        f"ο τύπος δίνει περισσότερες από μία τιμές για το {period}: τα δεδομένα γράφουν την "
        "περίοδο με δύο τρόπους ή ο τύπος δεν ομαδοποιεί ανά δήμο και περίοδο",
        f"the formula gives more than one value for {period}: the data write the period in two "
        "ways, or the formula does not group by municipality and period",
    )


def _too_large(code: str, period: str | None) -> Gap:
    return Gap(
        code,
        period,
        "η τιμή που δίνουν τα δεδομένα είναι πολύ μεγάλη για να είναι πραγματική",
        "the value the data give is too large to be real",
    )


def _no_value(code: str, period: str | None) -> Gap:
    return Gap(
        code,
        period,
        "ο τύπος δεν έδωσε τιμή: λείπει κάποιο ποσό ή μέτρηση από τα δεδομένα της περιόδου",
        "the formula gave no value: an amount or a measurement is missing from the period's data",
    )


def _missing_sources(code: str, period: str | None, missing: list[str]) -> Gap:
    names = ", ".join(missing)
    return Gap(
        code,
        period,
        f"ο δήμος δεν έχει δημοσιεύσει: {names}",
        f"the municipality has not published: {names}",
    )


def _periods_without_value(
    definition: Definition,
    values: list[Value],
    by_code: dict[str, list[Published]],
    wanted: set[str],
    periods: set[str],
) -> list[Gap]:
    """A municipality with a value for some periods but not for another period others have:
    a note for that period too, so that a gap in a time series is explained."""
    has = {(value.code, value.period) for value in values}
    # A register's value is dated by its publication: another year is no gap in its data.
    with_values = {value.code for value in values if not value.period_from_publication}
    shared = common_periods([value.period for value in values])
    gaps = []
    for code in sorted(with_values & wanted):
        own = sorted(period for owner, period in has if owner == code)
        # The gaps inside the municipality's own series, and the years most municipalities
        # have: one municipality's early or odd year says nothing about the others' data.
        for period in sorted(p for p in periods if own[0] <= p <= own[-1] or p in shared):
            if (code, period) in has:
                continue
            periodic = [g for g in by_code.get(code, []) if g.period is not None]
            covered = any(g.period and g.period.startswith(period) for g in periodic)
            gaps.append(
                Gap(
                    code,
                    period,
                    f"δεν υπάρχουν δεδομένα του {period}"
                    if periodic and not covered
                    else f"τα δεδομένα του δήμου δεν δίνουν τιμή για το {period}",
                    f"no data for {period}"
                    if periodic and not covered
                    else f"the municipality's data give no value for {period}",
                )
            )
    return gaps
