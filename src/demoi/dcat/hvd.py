"""The HVD compliance report: for each municipality, which high-value datasets (Commission
Implementing Regulation (EU) 2023/138) it publishes, which it does not, and which it publishes
with incomplete metadata, each finding with what to do about it, in Greek and English.

The rules are data: a mapping descriptor's ``[catalogue] hvd`` names the HVD categories of the
dataset it publishes (docs/hvd.md lists them), so every municipality is expected to publish each
dataset of a mapping with categories: one per dataset id of the rules. A dataset a high-value
mapping published under a dataset id of its own (``demoi lift --dataset``) is checked too, but
as an extra one, not as another expected dataset. What "complete" means combines two sources,
because the DCAT-AP HVD 3.0.0 shapes check the shape of the metadata but not the Regulation's
own conditions (SEMIC: meeting them "does not mean an automated compliance with the regulation"):
- the EU HVD shapes on the municipality's high-value part of its DCAT-AP catalogue, when the
  EU shapes are at hand (setting ``eu_shapes_dir``): their violations;
- demoi's own checks on the catalogue model and its triples: an HVD licence (art. 4), free of
  charge (art. 3), an API distribution linked to its data service, a contact point with an
  e-mail, the Regulation's ELI on the dataset and each distribution, a documentation page on
  the service.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dcat.export import high_value_triples, municipal_triples
from demoi.dcat.model import (
    Catalogue,
    Dataset,
    mappings_by_dataset,
    mappings_by_name,
    read_catalogues,
)
from demoi.dcat.terms import HVD_LICENCES
from demoi.errors import DataError
from demoi.municipalities import Municipality, get_municipality
from demoi.resources import standards_path
from demoi.store import Store

if TYPE_CHECKING:
    from demoi.profiles import Profile

CODE_LIST = "codelists/hvd-categories.ttl"
#: The six thematic categories of the Regulation's Annex, in the Annex's order (sections 1-6).
REGULATION_CATEGORIES = (
    "c_ac64a52d",  # Geospatial
    "c_dd313021",  # Earth observation and environment
    "c_164e0bf5",  # Meteorological
    "c_e1da4e07",  # Statistics
    "c_a9135398",  # Companies and company ownership
    "c_b79e35eb",  # Mobility
)
PRESENT, INCOMPLETE, MISSING = "present", "incomplete", "missing"
STATUSES = (PRESENT, INCOMPLETE, MISSING)
STATUS_LABELS = {
    PRESENT: {"el": "πλήρες", "en": "present"},
    INCOMPLETE: {"el": "ελλιπές", "en": "incomplete"},
    MISSING: {"el": "λείπει", "en": "missing"},
}
#: Said after the status of a dataset published under a dataset id no rule expects.
EXTRA_LABEL = {"el": "επιπλέον", "en": "extra"}
#: Exit codes of `demoi catalog hvd` (docs/hvd.md): 0 every expected dataset present and
#: complete, 1 some incomplete or missing.
COMPLETE, NOT_COMPLETE = 0, 1

ELI = v.HVD_REGULATION
_ACCESS_SERVICE = v.DCAT + "accessService"
_LEGISLATION = v.DCATAP + "applicableLegislation"
_DISTRIBUTION = v.DCAT + "distribution"
_FOAF_PAGE = v.FOAF + "page"
_DATASET_CLASS = ox.NamedNode(v.DCAT + "Dataset")


# --- the HVD categories ------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    """An HVD category (a concept of hvd-categories.ttl) and the Annex category it falls under."""

    notation: str
    label: dict[str, str]
    top: str

    @property
    def iri(self) -> str:
        return v.HVD_CATEGORY + self.notation

    def as_json(self) -> dict[str, object]:
        return {"notation": self.notation, "iri": self.iri, "label": self.label, "top": self.top}


@cache
def categories() -> dict[str, Category]:
    """Notation -> category, every concept of demoi's copy of the EU code list."""
    store = ox.Store()
    store.load(path=str(standards_path("ontologies") / CODE_LIST), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?notation ?label ?broader WHERE {
  ?concept a skos:Concept ; skos:notation ?notation ; skos:prefLabel ?label .
  OPTIONAL { ?concept skos:broader/skos:notation ?broader }
}"""
    )
    assert isinstance(solutions, ox.QuerySolutions)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    broader: dict[str, str] = {}
    for row in solutions:
        notation, text = row["notation"].value, row["label"]
        if isinstance(text, ox.Literal):
            labels[notation][text.language or "en"] = text.value
        if row["broader"] is not None:
            broader[notation] = row["broader"].value

    def top(notation: str) -> str:
        seen = {notation}
        while notation in broader and broader[notation] not in seen:
            notation = broader[notation]
            seen.add(notation)
        return notation

    return {
        notation: Category(notation, dict(text), top(notation)) for notation, text in labels.items()
    }


def category(notation: str, mapping: str) -> Category:
    found = categories().get(notation)
    if found is None:
        raise DataError(
            f"mapping {mapping}: [catalogue] hvd names {notation!r}, which is not an HVD category "
            f"in ontologies/{CODE_LIST}"
        )
    return found


def regulation_categories() -> tuple[Category, ...]:
    return tuple(categories()[notation] for notation in REGULATION_CATEGORIES)


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A mapping with HVD categories: every municipality is expected to publish its dataset."""

    mapping: str
    dataset: str
    categories: tuple[Category, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "mapping": self.mapping,
            "dataset": self.dataset,
            "categories": [found.as_json() for found in self.categories],
        }


def rules() -> tuple[Rule, ...]:
    """The rules, one per mapping with categories, by mapping name."""
    return tuple(
        Rule(name, mapping.dataset, tuple(category(c, name) for c in mapping.hvd_categories))
        for name, mapping in sorted(mappings_by_name().items())
        if mapping.hvd_categories
    )


def expected_datasets() -> tuple[Rule, ...]:
    """One rule per expected dataset id (two mappings may publish one dataset; the mapping that
    describes the dataset in the catalogue, demoi.dcat.model.mappings_by_dataset, stands for it)."""
    describing = mappings_by_dataset()
    return tuple(rule for rule in rules() if describing[rule.dataset].name == rule.mapping)


# --- findings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """What is wrong or missing on one node, and how to fix it."""

    check: str  # shacl, licence, charging, api, contact-email, legislation, documentation
    field: str  # the property path, e.g. dcat:contactPoint/vcard:hasEmail
    focus: str  # the node it is about
    problem: dict[str, str]
    fix: dict[str, str]
    severity: str = "Violation"

    def as_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "severity": self.severity,
            "field": self.field,
            "focus": self.focus,
            "problem": self.problem,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class DatasetStatus:
    dataset: str
    iri: str
    mapping: str | None
    title: dict[str, str]
    categories: tuple[Category, ...]
    status: str
    findings: tuple[Finding, ...] = ()
    #: SHACL warnings and infos: shown, but they do not make the dataset incomplete.
    notes: tuple[Finding, ...] = ()
    #: Published with a high-value mapping under a dataset id of its own (``demoi lift
    #: --dataset``): checked like the others, but not one of the datasets the rules expect.
    extra: bool = False

    def label(self, language: str) -> str:
        """The status as people read it: ``present``, or ``present, extra``."""
        status = STATUS_LABELS[self.status][language]
        return f"{status}, {EXTRA_LABEL[language]}" if self.extra else status

    def as_json(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "iri": self.iri,
            "mapping": self.mapping,
            "title": self.title,
            "status": self.status,
            "extra": self.extra,
            "categories": [found.as_json() for found in self.categories],
            "findings": [finding.as_json() for finding in self.findings],
            "notes": [note.as_json() for note in self.notes],
        }


@dataclass(frozen=True)
class CategoryCount:
    """How many of the datasets the rules expect under one Annex category a municipality
    publishes, and how many extra ones (under dataset ids of their own) it publishes there."""

    category: Category
    published: int
    expected: int
    extra: int = 0

    @property
    def gap(self) -> bool:
        return self.published == 0 and self.extra == 0

    def as_json(self) -> dict[str, object]:
        return {
            **self.category.as_json(),
            "published": self.published,
            "expected": self.expected,
            "extra": self.extra,
            "gap": self.gap,
        }


@dataclass(frozen=True)
class MunicipalityReport:
    municipality: Municipality
    catalogue: str
    datasets: tuple[DatasetStatus, ...]
    categories: tuple[CategoryCount, ...]
    #: SHACL violations on nodes no high-value dataset links to.
    findings: tuple[Finding, ...] = ()

    @property
    def expected(self) -> tuple[DatasetStatus, ...]:
        """One per high-value dataset id of the rules, published or missing."""
        return tuple(dataset for dataset in self.datasets if not dataset.extra)

    @property
    def extra(self) -> tuple[DatasetStatus, ...]:
        return tuple(dataset for dataset in self.datasets if dataset.extra)

    def count(self, status: str) -> int:
        """How many of the expected datasets have ``status`` (the extra ones are apart)."""
        return sum(1 for dataset in self.expected if dataset.status == status)

    @property
    def complete(self) -> bool:
        """Every expected dataset present, and no extra one incomplete: an extra dataset is
        high-value in the catalogue harvesters read, so its metadata must be complete too."""
        return not self.findings and all(d.status == PRESENT for d in self.datasets)

    def as_json(self) -> dict[str, object]:
        municipality = self.municipality
        return {
            "code": municipality.code,
            "label": {"el": municipality.label_el, "en": municipality.label_en},
            "catalogue": self.catalogue,
            "complete": self.complete,
            "summary": {
                "expected": len(self.expected),
                **{status: self.count(status) for status in STATUSES},
                "extra": len(self.extra),
            },
            "datasets": [dataset.as_json() for dataset in self.datasets],
            "categories": [count.as_json() for count in self.categories],
            "findings": [finding.as_json() for finding in self.findings],
        }


EU_SHAPES_NOT_RUN = {
    "el": "Τα σχήματα SHACL του DCAT-AP HVD 3.0.0 της ΕΕ δεν εκτελέστηκαν (ορίστε τη ρύθμιση "
    "DEMOI_EU_SHAPES_DIR στον φάκελό τους): η αναφορά δείχνει μόνο τους ελέγχους του demoi.",
    "en": "The EU DCAT-AP HVD 3.0.0 SHACL shapes were not run (set DEMOI_EU_SHAPES_DIR to their "
    "folder): the report shows demoi's own checks only.",
}
EU_SHAPES_RUN = {
    "el": "Τα σχήματα SHACL του DCAT-AP HVD 3.0.0 της ΕΕ εκτελέστηκαν μαζί με τους ελέγχους του "
    "demoi· οι παραβιάσεις τους κάνουν ένα σύνολο ελλιπές, οι προειδοποιήσεις όχι.",
    "en": "The EU DCAT-AP HVD 3.0.0 SHACL shapes were run with demoi's own checks; their "
    "violations make a dataset incomplete, their warnings do not.",
}


@dataclass(frozen=True)
class HvdReport:
    municipalities: tuple[MunicipalityReport, ...]
    rules: tuple[Rule, ...]
    eu_shapes_run: bool

    @property
    def complete(self) -> bool:
        return all(found.complete for found in self.municipalities)

    @property
    def exit_code(self) -> int:
        return COMPLETE if self.complete else NOT_COMPLETE

    @property
    def eu_shapes_note(self) -> dict[str, str]:
        return EU_SHAPES_RUN if self.eu_shapes_run else EU_SHAPES_NOT_RUN

    def as_json(self) -> dict[str, object]:
        return {
            "regulation": ELI,
            "eu_shapes": {"run": self.eu_shapes_run, "note": self.eu_shapes_note},
            "complete": self.complete,
            "rules": [rule.as_json() for rule in self.rules],
            "municipalities": [found.as_json() for found in self.municipalities],
        }

    def json_text(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n"

    def as_text(self, language: str) -> str:
        return _text(self, language)


# --- the report --------------------------------------------------------------------------------


def report(store: Store, base: str, code: str | None = None, eu_shapes_dir: str = "") -> HvdReport:
    """The report of one municipality (``code``, even if it has published nothing) or of every
    municipality that has published something."""
    if code is not None:
        get_municipality(code)
    shapes = _hvd_shapes(eu_shapes_dir)
    found = tuple(
        municipality_report(catalogue, base, shapes)
        for catalogue in read_catalogues(store, base, code)
    )
    return HvdReport(found, rules(), eu_shapes_run=bool(shapes))


def _hvd_shapes(eu_shapes_dir: str) -> list[Profile]:
    if not eu_shapes_dir:
        return []
    from demoi import profiles  # rdflib and the shapes load only when the EU shapes run

    return profiles.load("hvd", eu_shapes_dir=eu_shapes_dir)


def municipality_report(
    catalogue: Catalogue, base: str, shapes: Sequence[Profile] = ()
) -> MunicipalityReport:
    code = catalogue.municipality.code
    triples = high_value_triples(municipal_triples(catalogue, base))
    graph = _Graph(triples)
    published = {d.dataset_id: d for d in catalogue.datasets if d.high_value}
    violations, notes = _shacl(triples, shapes)
    attributed: set[int] = set()
    statuses = []
    expected = {rule.dataset for rule in expected_datasets()}
    for rule in expected_datasets():
        if rule.dataset not in published:
            statuses.append(_missing(base, code, rule))
    for dataset in published.values():
        reachable = graph.reachable(dataset.iri)
        own_violations = [f for i, f in enumerate(violations) if f.focus in reachable]
        attributed |= {i for i, f in enumerate(violations) if f.focus in reachable}
        own_notes = tuple(note for note in notes if note.focus in reachable)
        findings = (*own_violations, *_own_checks(catalogue, dataset, graph, base))
        statuses.append(
            DatasetStatus(
                dataset.dataset_id,
                dataset.iri,
                _mapping_of(dataset),
                dataset.title,
                tuple(
                    category(c, _mapping_of(dataset) or dataset.dataset_id)
                    for c in dataset.hvd_categories
                ),
                INCOMPLETE if findings else PRESENT,
                tuple(findings),
                own_notes,
                extra=dataset.dataset_id not in expected,
            )
        )
    order = {rule.dataset: index for index, rule in enumerate(expected_datasets())}
    statuses.sort(key=lambda s: (order.get(s.dataset, len(order)), s.dataset))
    return MunicipalityReport(
        catalogue.municipality,
        catalogue.iri,
        tuple(statuses),
        _counts(statuses),
        tuple(f for i, f in enumerate(violations) if i not in attributed),
    )


def _mapping_of(dataset: Dataset) -> str | None:
    latest = max(dataset.publications, key=lambda publication: publication.modified)
    if latest.mapping:
        return latest.mapping
    mapping = mappings_by_dataset().get(dataset.dataset_id)
    return mapping.name if mapping else None


def _missing(base: str, code: str, rule: Rule) -> DatasetStatus:
    mapping = mappings_by_name()[rule.mapping]
    # As the catalogue model titles a published dataset: the descriptor's title, or the
    # description up to its colon.
    title = {
        lang: mapping.title.get(lang) or text.split(":")[0].strip()
        for lang, text in mapping.description.items()
    }
    return DatasetStatus(
        rule.dataset,
        v.dataset_iri(base, code, rule.dataset),
        rule.mapping,
        title,
        rule.categories,
        MISSING,
        (
            Finding(
                "published",
                "dcat:dataset",
                v.dataset_iri(base, code, rule.dataset),
                {
                    "el": f"Ο δήμος δεν έχει δημοσιεύσει το σύνολο «{rule.dataset}».",
                    "en": f"The municipality has not published the dataset {rule.dataset}.",
                },
                {
                    "el": f"δημοσιεύστε το: demoi lift ΑΡΧΕΙΟ --mapping {rule.mapping} "
                    f"--municipality {code} (ο οδηγός του πεδίου στο docs/sources/ λέει τι "
                    "χρειάζεται)",
                    "en": f"publish it: demoi lift FILE --mapping {rule.mapping} "
                    f"--municipality {code} (the area's guide in docs/sources/ says what it needs)",
                },
            ),
        ),
    )


def _counts(statuses: Iterable[DatasetStatus]) -> tuple[CategoryCount, ...]:
    published: dict[str, int] = defaultdict(int)
    expected: dict[str, int] = defaultdict(int)
    extra: dict[str, int] = defaultdict(int)
    for status in statuses:
        tops = {found.top for found in status.categories}
        for top in tops:
            if status.extra:
                extra[top] += 1
                continue
            expected[top] += 1
            if status.status != MISSING:
                published[top] += 1
    return tuple(
        CategoryCount(top, published[top.notation], expected[top.notation], extra[top.notation])
        for top in regulation_categories()
    )


# --- SHACL -------------------------------------------------------------------------------------


def _shacl(
    triples: list[ox.Triple], shapes: Sequence[Profile]
) -> tuple[list[Finding], list[Finding]]:
    """The HVD profile's violations and its other results, as findings."""
    if not shapes or not triples:
        return [], []
    from demoi import conformance

    outcome = conformance.check_triples(triples, list(shapes))
    violations: list[Finding] = []
    notes: list[Finding] = []
    for result in outcome.results:
        path = _short(result.path) if result.path else ""
        finding = Finding(
            "shacl",
            path,
            result.focus,
            {lang: result.message(lang) for lang in ("el", "en")},
            _shacl_fix(path, result.pass_number),
            result.severity,
        )
        (violations if result.severity == "Violation" else notes).append(finding)
    return violations, notes


def _shacl_fix(path: str, pass_number: int) -> dict[str, str]:
    if pass_number == 2:
        # Pass 2 checks values against the EU code lists, which do not hold what only demoi's
        # code lists define (the municipality as a place, the municipality as publisher).
        return {
            "el": f"το {path} ελέγχεται με τους καταλόγους κωδικών της ΕΕ· μια τιμή από τους "
            "καταλόγους του demoi (ο δήμος ως τόπος ή ως φορέας) δίνει αναμενόμενα αυτή την "
            "προειδοποίηση (docs/hvd.md)",
            "en": f"{path} is checked against the EU code lists; a value from demoi's own code "
            "lists (the municipality as a place or as publisher) draws this warning, as "
            "expected (docs/hvd.md)",
        }
    return {
        "el": f"διορθώστε το {path or 'στοιχείο'} όπως λέει το μήνυμα και ελέγξτε ξανά τον "
        "κατάλογο: demoi catalog --municipality ΚΩΔΙΚΟΣ > catalog.ttl && demoi validate "
        "--profile hvd catalog.ttl",
        "en": f"correct {path or 'the node'} as the message says and check the catalogue "
        "again: demoi catalog --municipality CODE > catalog.ttl && demoi validate --profile "
        "hvd catalog.ttl",
    }


_PREFIXES = {
    v.DCAT: "dcat:",
    v.DCTERMS: "dct:",
    v.DCATAP: "dcatap:",
    v.FOAF: "foaf:",
    v.VCARD: "vcard:",
}


def _short(iri: str) -> str:
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri.removeprefix(namespace)
    return iri


class _Graph:
    """The high-value triples by subject, to follow a dataset's links."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.by_subject: dict[str, list[ox.Triple]] = defaultdict(list)
        self.datasets: set[str] = set()
        for triple in triples:
            self.by_subject[_key(triple.subject)].append(triple)
            if triple.predicate == v.TYPE and triple.object == _DATASET_CLASS:
                self.datasets.add(_key(triple.subject))

    def objects(self, subject: str, predicate: str) -> list[str]:
        return [
            _key(t.object)
            for t in self.by_subject.get(subject, [])
            if t.predicate.value == predicate
        ]

    def reachable(self, start: str) -> set[str]:
        """The nodes the dataset links to (its distributions, service, contact point, publisher),
        not entering other datasets: a result on one of them is a result on this dataset."""
        seen = {start}
        todo = [start]
        while todo:
            for triple in self.by_subject.get(todo.pop(), []):
                linked = triple.object
                if not isinstance(linked, ox.NamedNode | ox.BlankNode):
                    continue
                key = _key(linked)
                if key in seen or (key in self.datasets and key != start):
                    continue
                seen.add(key)
                todo.append(key)
        return seen


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A node as conformance.Result.focus names it: an IRI's value, a blank node's _:id."""
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


# --- demoi's own checks ------------------------------------------------------------------------


def _own_checks(catalogue: Catalogue, dataset: Dataset, graph: _Graph, base: str) -> list[Finding]:
    return [
        *_licence(dataset),
        *_charging(dataset),
        *_api(dataset, graph, base),
        *_contact(catalogue, dataset),
        *_legislation(dataset, graph),
    ]


def _command_terms(dataset: Dataset, option: str, kinds: Sequence[str]) -> str:
    every = len(kinds) == len(dataset.distributions)
    tail = "" if every else " " + " ".join(f"--distribution {kind}" for kind in kinds[:1])
    command = f"demoi catalog terms {dataset.municipality.code} {dataset.dataset_id} {option}{tail}"
    if not every and len(kinds) > 1:
        command += " (" + ", ".join(kinds) + ")"
    return command


def _licence(dataset: Dataset) -> list[Finding]:
    by_licence: dict[str, list[str]] = defaultdict(list)
    for distribution in dataset.distributions:
        notation = distribution.terms.licence.removeprefix(v.LICENCE)
        if notation not in HVD_LICENCES:
            by_licence[notation].append(distribution.kind)
    allowed = ", ".join(HVD_LICENCES)
    return [
        Finding(
            "licence",
            "dcat:distribution/dct:license",
            dataset.iri,
            {
                "el": f"Άδεια {notation} στις διανομές {', '.join(kinds)}: ένα σύνολο υψηλής αξίας "
                f"διατίθεται με CC BY 4.0 ή λιγότερο περιοριστική άδεια ({allowed}· κανονισμός "
                "(ΕΕ) 2023/138, άρθρο 4).",
                "en": f"Licence {notation} on the distributions {', '.join(kinds)}: a high-value "
                f"dataset is made available under CC BY 4.0 or a less restrictive licence "
                f"({allowed}; Regulation (EU) 2023/138, art. 4).",
            },
            {
                "el": "ορίστε την άδεια: " + _command_terms(dataset, "--licence CC_BY_4_0", kinds),
                "en": "set the licence: " + _command_terms(dataset, "--licence CC_BY_4_0", kinds),
            },
        )
        for notation, kinds in sorted(by_licence.items())
    ]


def _charging(dataset: Dataset) -> list[Finding]:
    by_category: dict[str, list[str]] = defaultdict(list)
    for distribution in dataset.distributions:
        if distribution.terms.charging != v.FREE:
            by_category[distribution.terms.charging.removeprefix(v.CHARGING)].append(
                distribution.kind
            )
    return [
        Finding(
            "charging",
            "dcat:distribution/cat:chargingCategory",
            dataset.iri,
            {
                "el": f"Χρέωση «{notation}» στις διανομές {', '.join(kinds)}: ένα σύνολο υψηλής "
                "αξίας διατίθεται δωρεάν (κανονισμός (ΕΕ) 2023/138, άρθρο 3).",
                "en": f"Charging {notation!r} on the distributions {', '.join(kinds)}: a "
                "high-value dataset is available free of charge (Regulation (EU) 2023/138, "
                "art. 3).",
            },
            {
                "el": "ορίστε δωρεάν διάθεση: " + _command_terms(dataset, "--charging free", kinds),
                "en": "make it free: " + _command_terms(dataset, "--charging free", kinds),
            },
        )
        for notation, kinds in sorted(by_category.items())
    ]


def _api(dataset: Dataset, graph: _Graph, base: str) -> list[Finding]:
    services = {
        service
        for distribution in dataset.distributions
        for service in graph.objects(distribution.iri, _ACCESS_SERVICE)
    }
    if not services:
        return [
            Finding(
                "api",
                "dcat:distribution/dcat:accessService",
                dataset.iri,
                {
                    "el": "Καμία διανομή δεν δίνει πρόσβαση μέσω API (dcat:accessService): ο "
                    "κανονισμός (ΕΕ) 2023/138 (άρθρο 3) ζητά διάθεση μέσω API.",
                    "en": "No distribution gives access through an API (dcat:accessService): "
                    "Regulation (EU) 2023/138 (art. 3) asks for access through APIs.",
                },
                {
                    "el": "το demoi δίνει σε κάθε σύνολο μια διανομή SPARQL με την υπηρεσία του "
                    "δήμου· αν λείπει, δημοσιεύστε ξανά το σύνολο με demoi lift και ελέγξτε "
                    f"ξανά: demoi catalog hvd --municipality {dataset.municipality.code}",
                    "en": "demoi gives every dataset a SPARQL distribution with the "
                    "municipality's data service; if it is missing, publish the dataset again "
                    "with demoi lift and check again: demoi catalog hvd --municipality "
                    f"{dataset.municipality.code}",
                },
            )
        ]
    return [
        Finding(
            "documentation",
            "dcat:accessService/foaf:page",
            service,
            {
                "el": "Η υπηρεσία δεδομένων δεν έχει σελίδα τεκμηρίωσης (foaf:page).",
                "en": "The data service has no documentation page (foaf:page).",
            },
            {
                "el": "το demoi δίνει ως τεκμηρίωση τον Οδηγό του δήμου "
                f"({v.guide_url(base, dataset.municipality.code)}); δημοσιεύστε ξανά",
                "en": "demoi gives the municipality's Guide as its documentation "
                f"({v.guide_url(base, dataset.municipality.code)}); publish again",
            },
        )
        for service in sorted(services)
        if not graph.objects(service, _FOAF_PAGE)
    ]


def _contact(catalogue: Catalogue, dataset: Dataset) -> list[Finding]:
    contact = catalogue.contact
    if contact.email:
        return []
    municipality = dataset.municipality
    command = (
        f"demoi catalog contact {municipality.code} --email ADDRESS "
        f'--name-el "{contact.name.get("el") or municipality.label_el}" '
        f'--name-en "{contact.name.get("en") or municipality.label_en}"'
    )
    return [
        Finding(
            "contact-email",
            "dcat:contactPoint/vcard:hasEmail",
            contact.iri,
            {
                "el": "Το σημείο επικοινωνίας δεν έχει διεύθυνση ηλεκτρονικού ταχυδρομείου "
                "(vcard:hasEmail): οι κατευθύνσεις του DCAT-AP HVD ζητούν τρόπο επικοινωνίας για "
                "ερωτήσεις και προβλήματα με τα δεδομένα υψηλής αξίας.",
                "en": "The contact point has no e-mail address (vcard:hasEmail): the DCAT-AP HVD "
                "guidelines ask for a way to raise questions and problems about high-value "
                "data.",
            },
            {
                "el": f"ορίστε το e-mail επικοινωνίας (διεύθυνση ρόλου): {command}",
                "en": f"set the contact e-mail (a role address): {command}",
            },
        )
    ]


def _legislation(dataset: Dataset, graph: _Graph) -> list[Finding]:
    nodes = [dataset.iri, *graph.objects(dataset.iri, _DISTRIBUTION)]
    lacking = [node for node in nodes if ELI not in graph.objects(node, _LEGISLATION)]
    return [
        Finding(
            "legislation",
            "dcatap:applicableLegislation",
            node,
            {
                "el": "Δεν δηλώνεται η εφαρμοστέα νομοθεσία "
                f"(dcatap:applicableLegislation <{ELI}>).",
                "en": "The applicable legislation is not stated "
                f"(dcatap:applicableLegislation <{ELI}>).",
            },
            {
                "el": "το demoi τη δηλώνει για κάθε σύνολο που η αντιστοίχισή του έχει κατηγορίες "
                "hvd στον πίνακα [catalogue]· ελέγξτε την αντιστοίχιση και δημοσιεύστε ξανά",
                "en": "demoi states it for every dataset whose mapping has hvd categories in its "
                "[catalogue] table; check the mapping and publish again",
            },
        )
        for node in lacking
    ]


# --- text --------------------------------------------------------------------------------------

TEXT = {
    "el": {
        "title": "Σύνολα δεδομένων υψηλής αξίας (κανονισμός (ΕΕ) 2023/138): αναφορά συμμόρφωσης",
        "expected": "{n} αναμενόμενα: {present} πλήρη, {incomplete} ελλιπή, {missing} λείπουν",
        "extra": "{n} επιπλέον (με άλλο αναγνωριστικό συνόλου)",
        "extra_count": "+{n} επιπλέον",
        "fix": "διόρθωση",
        "note": "σημείωση",
        "categories": "Κατηγορίες του κανονισμού (δημοσιευμένα / αναμενόμενα σύνολα):",
        "gap": "κενό",
        "other": "Ευρήματα σε κόμβους που δεν συνδέονται με σύνολο υψηλής αξίας:",
        "none": "Κανένας δήμος δεν έχει δημοσιεύσει δεδομένα.",
    },
    "en": {
        "title": "High-value datasets (Regulation (EU) 2023/138): compliance report",
        "expected": "{n} expected: {present} present, {incomplete} incomplete, {missing} missing",
        "extra": "{n} extra (under another dataset id)",
        "extra_count": "+{n} extra",
        "fix": "fix",
        "note": "note",
        "categories": "Categories of the Regulation (published / expected datasets):",
        "gap": "gap",
        "other": "Findings on nodes no high-value dataset links to:",
        "none": "No municipality has published data.",
    },
}


def _text(found: HvdReport, language: str) -> str:
    text = TEXT[language]
    lines = [text["title"], found.eu_shapes_note[language], ""]
    if not found.municipalities:
        lines.append(text["none"])
    for municipality in found.municipalities:
        lines.extend(_municipality_text(municipality, language))
    return "\n".join(lines).rstrip("\n") + "\n"


def _municipality_text(found: MunicipalityReport, language: str) -> list[str]:
    text = TEXT[language]
    counts = {status: found.count(status) for status in STATUSES}
    summary = text["expected"].format(n=len(found.expected), **counts)
    if found.extra:
        summary += "; " + text["extra"].format(n=len(found.extra))
    lines = [f"{found.municipality.code} {found.municipality.label(language)} — {summary}"]
    for dataset in found.datasets:
        names = "; ".join(
            f"{categories()[c.top].label[language]} / {c.label[language]}"
            if c.top != c.notation
            else c.label[language]
            for c in dataset.categories
        )
        lines.append(f"  {dataset.dataset:<20} {dataset.label(language):<12} [{names}]")
        for finding in dataset.findings:
            lines.extend(_finding_text(finding, language, "-"))
        for note in dataset.notes:
            # Only the message: the notes are mostly the expected vocabulary warnings.
            lines.append(
                f"    {text['note']}: [{note.severity}] {note.field} <{note.focus}>: "
                f"{note.problem[language]}"
            )
    if found.findings:
        lines.append("  " + text["other"])
        for finding in found.findings:
            lines.extend(_finding_text(finding, language, "-"))
    lines.append("  " + text["categories"])
    width = max(len(c.category.label[language]) for c in found.categories)
    for count in found.categories:
        gap = f"  ({text['gap']})" if count.gap else ""
        extra = f" ({text['extra_count'].format(n=count.extra)})" if count.extra else ""
        name = count.category.label[language]
        lines.append(f"    {name:<{width}}  {count.published} / {count.expected}{extra}{gap}")
    lines.append("")
    return lines


def _finding_text(finding: Finding, language: str, bullet: str) -> list[str]:
    where = f"{finding.field} " if finding.field else ""
    severity = "" if finding.severity == "Violation" else f"[{finding.severity}] "
    return [
        f"    {bullet} {severity}{where}<{finding.focus}>: {finding.problem[language]}",
        f"      {TEXT[language]['fix']}: {finding.fix[language]}",
    ]
