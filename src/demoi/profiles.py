"""Validation profiles: the rules ``demoi validate --profile NAME`` checks data against.

A profile is one or more SHACL files split in two passes, as the EU ITB validator does for
DCAT-AP:

1. the shapes run on the data alone;
2. the range and code-list shapes (``sh:class`` and whatever nests it: they need to know the type
   of a value, which a code list or another dataset states) run on the data together with the
   code lists and vocabularies as background knowledge (:func:`background`).

demoi's own profiles are the functional areas and the catalogue (``shapes/<area>.ttl`` with
``shapes/<area>-recommended.ttl``); their passes are split automatically by that rule. The EU
profiles (DCAT-AP 3.0.1, DCAT-AP HVD 3.0.0, CPSV-AP 3.2.0) are the official SHACL files, which
demoi does not redistribute: they are read from the folder named by the ``eu_shapes_dir`` setting,
split as their authors split them (DCAT-AP keeps its ranges and code-list shapes in separate
files). Every result is traced to the *section* of the profile it enforces: the shape's
``rdfs:seeAlso`` when the profile gives one (DCAT-AP links each property shape to its section of
the specification), otherwise the node shape it belongs to, whose IRI dereferences to the
profile's documentation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

from demoi.errors import UsageError
from demoi.resources import standards_path
from demoi.validation import in_language, targeted_directly

DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
# The parameters whose value is a shape, so a constraint nested under them belongs to the shape.
_NESTING = (SH.property, SH.node, SH["not"], SH.qualifiedValueShape)
_NESTING_LISTS = (SH["and"], SH["or"], SH.xone)


@dataclass(frozen=True)
class Section:
    """The part of a profile a rule belongs to, with a link to where it is written down."""

    id: str
    labels: tuple[tuple[str, str], ...]  # (language, text); "" for an untagged label
    url: str

    def label(self, language: str) -> str:
        return in_language(self.labels, language) or self.id


@dataclass(frozen=True)
class EuFile:
    name: str  # the file name looked for under eu_shapes_dir
    url: str  # where the publisher serves it
    sha256: str  # of the release demoi was tested with


@dataclass(frozen=True)
class EuProfile:
    name: str
    titles: tuple[tuple[str, str], ...]
    version: str
    documentation: str
    pass_one: tuple[EuFile, ...]
    pass_two: tuple[EuFile, ...] = ()


_DCAT_AP_REPO = "https://raw.githubusercontent.com/SEMICeu/DCAT-AP/7c531da7f154794da620fd0e57a3e8afe0286c0f/releases"
_DCAT_AP = EuFile(
    "dcat-ap-3.0.1-SHACL.ttl",
    f"{_DCAT_AP_REPO}/3.0.1/shacl/dcat-ap-SHACL.ttl",
    "990d3e42721de6a4be8cc338a7171559f195e62dea89c0b56531356b78cc026f",
)
_DCAT_AP_RANGES = EuFile(
    "dcat-ap-3.0.1-ranges.ttl",
    f"{_DCAT_AP_REPO}/3.0.1/shacl/ranges.ttl",
    "a6eed0fae8d0f5ca977fe2098ca12081ac60b0efe1ddce802d5c08e49505ebcc",
)
_DCAT_AP_VOCABULARIES = EuFile(
    "dcat-ap-3.0.1-mdr-vocabularies.shape.ttl",
    f"{_DCAT_AP_REPO}/3.0.1/html/shacl/mdr-vocabularies.shape.ttl",
    "2362f83971766a15cc20b2b54420022dc10547dd2c483da02080847c61b4b45a",
)
_HVD = EuFile(
    "dcat-ap-hvd-3.0.0-SHACL.ttl",
    f"{_DCAT_AP_REPO}/3.0.0-hvd/shacl/hvd-SHACL.ttl",
    "5fbcaace00b2e1272bcff66c3b6eb7b55ff2932869094b239a617a29b69b15fc",
)
_CPSV_AP = EuFile(
    "cpsv-ap-3.2.0-SHACL.ttl",
    "https://raw.githubusercontent.com/SEMICeu/CPSV-AP/e37f5e1991cd89772165bed7d42fd64cdea8c2d4/releases/3.2.0/shacl/cpsv-ap-SHACL.ttl",
    "a314fa6bf8e1b613af7ed75fb9f4423d30a16b6fb93b4d3f05168f697bc37b30",
)

EU_PROFILES = {
    "dcat-ap": EuProfile(
        "dcat-ap",
        (("el", "DCAT-AP 3.0.1 (ευρωπαϊκό προφίλ καταλόγων δεδομένων)"), ("en", "DCAT-AP 3.0.1")),
        "3.0.1",
        "https://semiceu.github.io/DCAT-AP/releases/3.0.1/",
        (_DCAT_AP,),
        (_DCAT_AP_RANGES, _DCAT_AP_VOCABULARIES),
    ),
    "hvd": EuProfile(
        "hvd",
        (
            ("el", "DCAT-AP HVD 3.0.0 (σύνολα δεδομένων υψηλής αξίας, Καν. 2023/138)"),
            ("en", "DCAT-AP HVD 3.0.0 (high-value datasets, Reg. 2023/138)"),
        ),
        "3.0.0",
        "https://semiceu.github.io/DCAT-AP/releases/3.0.0-hvd/",
        (_DCAT_AP, _HVD),
        (_DCAT_AP_RANGES, _DCAT_AP_VOCABULARIES),
    ),
    "cpsv-ap": EuProfile(
        "cpsv-ap",
        (
            ("el", "CPSV-AP 3.2.0 (ευρωπαϊκό προφίλ δημόσιων υπηρεσιών)"),
            ("en", "CPSV-AP 3.2.0 (public services)"),
        ),
        "3.2.0",
        "https://semiceu.github.io/CPSV-AP/releases/3.2.0/",
        (_CPSV_AP,),
    ),
}


@dataclass
class Profile:
    """The shapes of one profile, split in two passes, and where each rule is written down."""

    name: str
    titles: tuple[tuple[str, str], ...]
    documentation: str
    pass_one: rdflib.Graph
    # None: the profile has no range or code-list shapes, so there is no second pass.
    pass_two: rdflib.Graph | None
    # Source shape (IRI or blank node id as the report gives it) -> its section.
    sections: dict[str, Section] = field(default_factory=dict)
    # Shapes given by the user (--shapes), not a profile demoi ships.
    custom: bool = False

    def title(self, language: str) -> str:
        return in_language(self.titles, language) or self.name

    def section(self, shape: str) -> Section | None:
        return self.sections.get(shape)


def area_names() -> list[str]:
    """Every demoi profile: the functional areas and the catalogue."""
    folder = standards_path("shapes")
    return sorted(
        path.stem for path in folder.glob("*.ttl") if not path.stem.endswith("-recommended")
    )


def profile_names() -> list[str]:
    return [*area_names(), *EU_PROFILES, "all"]


def load(name: str, *, eu_shapes_dir: str = "") -> list[Profile]:
    """The profiles ``--profile NAME`` means: one, or every demoi profile for ``all``."""
    if name == "all":
        return [_area_profile(area) for area in area_names()]
    if name in EU_PROFILES:
        return [_eu_profile(EU_PROFILES[name], eu_shapes_dir)]
    if name in area_names():
        return [_area_profile(name)]
    raise UsageError(f"unknown profile {name!r}; choose one of {', '.join(profile_names())}")


def custom(shapes: rdflib.Graph, source: str) -> Profile:
    """Shapes given by the user (``--shapes FILE``): one pass, over the data alone, as the SHACL
    specification defines validation; the sections are their node shapes."""
    # Only a web address is a link a report can give; a local file means nothing to a reader
    # elsewhere (a browser would resolve it against the page).
    documentation = source if source.startswith(("http://", "https://")) else ""
    return Profile(
        name=source,
        titles=(("", Path(source).name),),
        documentation=documentation,
        pass_one=shapes,
        pass_two=None,
        sections=_sections(shapes, documentation),
        custom=True,
    )


@cache
def _area_profile(area: str) -> Profile:
    folder = standards_path("shapes")
    shapes = rdflib.Graph()
    for path in (folder / f"{area}.ttl", folder / f"{area}-recommended.ttl"):
        if path.is_file():
            shapes.parse(path, format="turtle")
    documentation = f"https://w3id.org/demoi/shapes/{area}"
    sections = _sections(shapes, documentation)
    titles = _titles(shapes, rdflib.URIRef(documentation)) or (("", area),)
    flat = targeted_directly(shapes)
    pass_one, pass_two = split_passes(flat)
    return Profile(area, titles, documentation, pass_one, pass_two, sections)


def _titles(shapes: rdflib.Graph, ontology: rdflib.URIRef) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            (title.language or "", str(title).split(" (")[0])
            for title in shapes.objects(ontology, DCTERMS.title)
            if isinstance(title, rdflib.Literal)
        )
    )


@cache
def _eu_profile_cached(profile: EuProfile, folder: str) -> Profile:
    main = _read_eu(profile.pass_one, folder)
    ranges = _read_eu(profile.pass_two, folder)
    # The publishers keep range and code-list shapes in their own files, but the main files
    # still hold sh:class constraints (a licence must be a dct:LicenseDocument), which data
    # alone cannot meet: those go to the second pass too. The range files link their property
    # shapes to the main files' node shapes (the same IRIs), so the passes are split per
    # property shape, each given its node shape's target: split by node shape, every rule of a
    # main file (a dataset's description) ran only in the second pass, with the code lists.
    second_tops = _targeted(ranges) | {
        member for member in ranges.objects(None, SH.property) if (member, SH.path, None) in ranges
    }
    shapes = targeted_directly(main + ranges)
    sections = {
        **_sections(ranges, profile.documentation),
        **_sections(main, profile.documentation),
    }
    first, second = split_passes(shapes, second=second_tops)
    return Profile(profile.name, profile.titles, profile.documentation, first, second, sections)


def _eu_profile(profile: EuProfile, folder: str) -> Profile:
    if not folder:
        raise UsageError(
            f"the {profile.name} profile needs the official SHACL files, which demoi does not "
            f"ship: download {', '.join(f.url for f in profile.pass_one + profile.pass_two)} "
            "into a folder and name it with DEMOI_EU_SHAPES_DIR (docs/validation.md)"
        )
    return _eu_profile_cached(profile, str(Path(folder).resolve()))


def _read_eu(files: tuple[EuFile, ...], folder: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for eu_file in files:
        graph.parse(find_eu_file(eu_file, Path(folder)), format="turtle")
    return graph


def find_eu_file(eu_file: EuFile, folder: Path) -> Path:
    """The file under ``folder`` (searched in subfolders too, so a checkout of the publishers'
    repositories works as well as a flat folder)."""
    direct = folder / eu_file.name
    if direct.is_file():
        return direct
    found = sorted(folder.rglob(eu_file.name)) if folder.is_dir() else []
    if not found:
        raise UsageError(
            f"{eu_file.name} is not in {folder} (DEMOI_EU_SHAPES_DIR); download it from "
            f"{eu_file.url}"
        )
    return found[0]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------------------------
# The two passes


def split_passes(
    shapes: rdflib.Graph, *, second: Iterable[rdflib.term.Node] = ()
) -> tuple[rdflib.Graph, rdflib.Graph | None]:
    """The shapes graph twice: once with only the targets of the shapes that need no background
    knowledge, once with only those of the range and code-list shapes (``second``, and every
    shape using sh:class; None when there are none). Untargeted shapes stay in both, since
    targeted ones may refer to them."""
    second = set(second) | {top for top in _targeted(shapes) if _uses_class(shapes, top)}
    if not second:
        return shapes, None
    first_graph, second_graph = rdflib.Graph(), rdflib.Graph()
    for prefix, namespace in shapes.namespaces():
        first_graph.bind(prefix, namespace)
    for triple in shapes:
        subject, predicate, _ = triple
        is_target = predicate in TARGETS
        if not is_target or subject not in second:
            first_graph.add(triple)
        if not is_target or subject in second:
            second_graph.add(triple)
    _deactivate_implicit(shapes, second, first_graph, keep=False)
    _deactivate_implicit(shapes, second, second_graph, keep=True)
    return first_graph, second_graph


def _targeted(shapes: rdflib.Graph) -> set[rdflib.term.Node]:
    tops = {s for target in TARGETS for s in shapes.subjects(target, None)}
    tops |= _implicit_class_targets(shapes)
    return tops


def _implicit_class_targets(shapes: rdflib.Graph) -> set[rdflib.term.Node]:
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    classes = set(shapes.subjects(RDF.type, RDFS.Class)) | set(shapes.subjects(RDF.type, OWL.Class))
    return shape_nodes & classes


def _deactivate_implicit(
    shapes: rdflib.Graph, second: set[rdflib.term.Node], graph: rdflib.Graph, *, keep: bool
) -> None:
    """A shape that is also a class targets its instances without a target triple to remove, so
    in the pass it does not belong to it is deactivated instead."""
    for shape in _implicit_class_targets(shapes):
        if (shape in second) != keep:
            graph.add((shape, SH.deactivated, rdflib.Literal(True)))


def _uses_class(shapes: rdflib.Graph, top: rdflib.term.Node) -> bool:
    return any((shape, SH["class"], None) in shapes for shape in _closure(shapes, top))


def _closure(shapes: rdflib.Graph, top: rdflib.term.Node) -> Iterator[rdflib.term.Node]:
    seen: set[rdflib.term.Node] = set()
    pending = [top]
    while pending:
        shape = pending.pop()
        if shape in seen:
            continue
        seen.add(shape)
        yield shape
        for parameter in _NESTING:
            pending.extend(shapes.objects(shape, parameter))
        for parameter in _NESTING_LISTS:
            for members in shapes.objects(shape, parameter):
                pending.extend(rdflib.collection.Collection(shapes, members))


# ---------------------------------------------------------------------------------------------
# Background knowledge for the second pass


@cache
def _background_store() -> ox.Store:
    store = ox.Store()
    folder = standards_path("ontologies")
    for path in sorted([*folder.glob("*.ttl"), *(folder / "codelists").glob("*.ttl")]):
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))


def background(data: Iterable[ox.Triple], *, depth: int = 2) -> list[ox.Triple]:
    """What the code lists and vocabularies say about the values of ``data``: the triples about
    every IRI the data links to, and about what those link to (``depth`` links from the data),
    plus the whole class hierarchy (for ``sh:class``).

    Why not load every code list with every graph: 39,000 triples each time would cost more than
    validating a typical graph, and the range and code-list shapes only look at a value's type,
    its scheme and its broader concept, never further than two links from the data.
    """
    store = _background_store()
    found: list[ox.Triple] = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, SUBCLASS, None)
    ]
    seen: set[ox.NamedNode] = set()
    frontier = {t.object for t in data if isinstance(t.object, ox.NamedNode)}
    for _ in range(depth):
        following: set[ox.NamedNode] = set()
        for node in frontier - seen:
            seen.add(node)
            for quad in store.quads_for_pattern(node, None, None):
                found.append(ox.Triple(quad.subject, quad.predicate, quad.object))
                if isinstance(quad.object, ox.NamedNode):
                    following.add(quad.object)
        frontier = following
    return found


@cache
def background_subjects() -> frozenset[str]:
    """The IRIs the background describes: results about them are not the data's problem."""
    return frozenset(
        quad.subject.value
        for quad in _background_store().quads_for_pattern(None, None, None)
        if isinstance(quad.subject, ox.NamedNode)
    )


# ---------------------------------------------------------------------------------------------
# Sections


def _sections(shapes: rdflib.Graph, documentation: str) -> dict[str, Section]:
    """Each shape's section: its rdfs:seeAlso, else the node shape holding it, else itself."""
    parents: dict[rdflib.term.Node, rdflib.term.Node] = {}
    for node_shape, member in shapes.subject_objects(SH.property):
        parents.setdefault(member, node_shape)
    sections: dict[str, Section] = {}
    shape_nodes = (
        set(shapes.subjects(RDF.type, SH.NodeShape))
        | set(shapes.subjects(RDF.type, SH.PropertyShape))
        | set(parents)
        | {s for target in TARGETS for s in shapes.subjects(target, None)}
    )
    for shape in shape_nodes:
        section = _see_also(shapes, shape) or _owner_section(
            shapes, parents.get(shape, shape), documentation
        )
        if section is not None:
            sections[str(shape)] = section
    return sections


def _see_also(shapes: rdflib.Graph, shape: rdflib.term.Node) -> Section | None:
    for link in shapes.objects(shape, RDFS.seeAlso):
        url = str(link)
        if url.startswith(("http://", "https://")):
            anchor = url.rpartition("#")[2] or url
            return Section(anchor, (("", anchor),), url)
    return None


def _owner_section(
    shapes: rdflib.Graph, owner: rdflib.term.Node, documentation: str
) -> Section | None:
    names = tuple(
        sorted(
            (name.language or "", str(name))
            for name in shapes.objects(owner, SH.name)
            if isinstance(name, rdflib.Literal)
        )
    )
    if isinstance(owner, rdflib.URIRef):
        local = str(owner).rpartition("#")[2] or str(owner).rpartition("/")[2]
        return Section(local, names or (("", local),), str(owner))
    if names:
        return Section(names[0][1], names, documentation)
    return None
