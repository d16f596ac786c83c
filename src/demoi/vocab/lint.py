"""``demoi vocab lint``: the vocabulary checks and the style shapes, one finding per line.

Two kinds of rule run over the same files, each in its named graph (``demoi.standards``):

* the SPARQL checks of ``ontologies/checks/*-violation.rq``: what must be there;
* the SHACL style shapes of ``style-shapes.ttl`` (beside this module): what form it takes.

A finding names the file and the line where its term is defined. RDF parsers keep no positions,
so the line is found in the file's text: the first line where the term, written in full or with
one of the file's prefixes, starts a statement, else the first line that mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from demoi.errors import UsageError
from demoi.resources import standards_root
from demoi.standards import (
    CHECKED_FOLDERS,
    FILE_GRAPH_PREFIX,
    StandardFile,
    add_to_rdflib,
    checks,
    load_files,
    standard_files,
)

STYLE_SHAPES = Path(__file__).with_name("style-shapes.ttl")
SH = "http://www.w3.org/ns/shacl#"
_TITLE = re.compile(r"^# title@(el|en): (.+)$", re.MULTILINE)
#: The variables of a check's row that name the thing a finding is about, in order of preference.
_SUBJECT_VARIABLES = ("term", "shape", "concept", "property", "scheme", "first", "where")
#: Variables whose value is the finding's whole explanation, shown without their name.
_PLAIN_VARIABLES = ("problem",)


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    subject: str
    details: str

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        parts = [where, self.rule, self.subject, self.details]
        return ": ".join(part for part in parts if part)


@dataclass(frozen=True)
class Rule:
    name: str
    titles: dict[str, str]


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    rules: dict[str, Rule]
    files: int


# -- which files ----------------------------------------------------------------------------


def _is_tree(folder: Path) -> bool:
    return any((folder / name).is_dir() for name in CHECKED_FOLDERS)


def _as_standard(path: Path) -> StandardFile:
    """A file named by the user, placed by the nearest folder called ontologies, shapes or
    mappings: that folder decides which rules apply to it (a shape in a vocabulary is wrong)."""
    resolved = path.resolve()
    for ancestor in resolved.parents:
        if ancestor.name in CHECKED_FOLDERS:
            return StandardFile(resolved, resolved.relative_to(ancestor.parent).as_posix())
    raise UsageError(
        f"{path}: not under a folder named ontologies, shapes or mappings, so demoi cannot tell "
        "which rules apply; lint the standards tree that holds it"
    )


@dataclass(frozen=True)
class _Run:
    """Files linted together: the ones reported on, and the ones only read with them."""

    reported: list[StandardFile]
    background: list[StandardFile]


def _runs(paths: Sequence[Path]) -> list[_Run]:
    """A standards tree (a folder holding ontologies/, shapes/ or mappings/) is linted alone;
    other files and folders are read with demoi's installed standards, so their terms may use
    what those declare. Named files are linted with the others of the same tree (the folder
    above their ontologies/, shapes/ or mappings/): two ``ontologies/common.ttl`` of different
    trees cannot share a run, since a rule reads a file's place to know what it is."""
    runs: list[_Run] = []
    named: list[StandardFile] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_dir() and _is_tree(path):
            runs.append(_Run(standard_files(path), []))
        elif path.is_dir():
            named += [_as_standard(p) for p in standard_files_in(path)]
        else:
            named.append(_as_standard(path))
    groups: dict[Path, dict[str, StandardFile]] = {}
    for standard in named:
        root = Path(str(standard.path).removesuffix(standard.relative))
        groups.setdefault(root, {})[standard.relative] = standard
    installed = standard_files(standards_root())
    for group in groups.values():
        background = [s for s in installed if s.relative not in group]
        runs.append(_Run(list(group.values()), background))
    return runs


def standard_files_in(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix == ".ttl" or path.name.endswith((".yarrrml.yml", ".yarrrml.yaml"))
    )


# -- rules ----------------------------------------------------------------------------------


def _check_rule(check: Path) -> Rule:
    titles = dict(_TITLE.findall(check.read_text(encoding="utf-8")))
    return Rule(check.name.removesuffix("-violation.rq"), titles)


@cache
def _style_shapes() -> ox.Store:
    store = ox.Store()
    store.load(path=str(STYLE_SHAPES), format=ox.RdfFormat.TURTLE)
    return store


def style_rules() -> dict[str, Rule]:
    store = _style_shapes()
    rules: dict[str, Rule] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(SH + "message"), None):
        assert isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal)
        name = "style:" + quad.subject.value.rpartition("#")[2]
        rule = rules.setdefault(name, Rule(name, {}))
        rule.titles[quad.object.language or "en"] = quad.object.value
    return rules


# -- running --------------------------------------------------------------------------------


def lint(paths: Sequence[Path] = ()) -> LintResult:
    """Lint the named files or trees, or demoi's installed standards when none is named."""
    runs = _runs(paths) if paths else [_Run(standard_files(standards_root()), [])]
    files = sum(len(run.reported) for run in runs)
    if not files:
        raise UsageError("no Turtle or YARRRML files to lint in " + ", ".join(map(str, paths)))
    rules = {rule.name: rule for rule in map(_check_rule, checks(standards_root()))}
    rules.update(style_rules())
    findings = [finding for run in runs for finding in _lint_run(run)]
    return LintResult(sorted(set(findings)), rules, files)


def _lint_run(run: _Run) -> list[Finding]:
    store = load_files([*run.reported, *run.background])
    locator = _Locator({standard.relative: standard.path for standard in run.reported}, store)
    findings = []
    for check in checks(standards_root()):
        findings += _check_findings(store, check, _check_rule(check).name, locator)
    findings += _style_findings(store, locator)
    shown = {standard.relative: _shown(standard.path) for standard in run.reported}
    return [
        Finding(shown[f.file], f.line, f.column, f.rule, f.subject, f.details)
        for f in findings
        if f.file in shown
    ]


def _shown(path: Path) -> str:
    """The file as the editor would type it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _check_findings(store: ox.Store, check: Path, rule: str, locator: _Locator) -> list[Finding]:
    solutions = store.query(check.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [variable.value for variable in solutions.variables]
    found = []
    for row in solutions:
        values = {name: row[name] for name in variables if row[name] is not None}
        file_node = values.pop("file", None)
        subject_name = next((name for name in _SUBJECT_VARIABLES if name in values), None)
        subject = values.pop(subject_name) if subject_name else None
        details = "; ".join(
            _text(value) if name in _PLAIN_VARIABLES else f"{name} {_text(value)}"
            for name, value in values.items()
        )
        files = (
            [_text(file_node)]
            if file_node is not None
            else locator.files_describing(store, subject)
        )
        for file in files:
            found.append(locator.finding(file, rule, subject, details))
    return found


def _text(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    text = node.value if isinstance(node, ox.NamedNode | ox.Literal) else str(node)
    return text.removeprefix(FILE_GRAPH_PREFIX)


def _style_findings(store: ox.Store, locator: _Locator) -> list[Finding]:
    import pyshacl
    import rdflib

    data = add_to_rdflib(rdflib.Graph(), store.quads_for_pattern(None, None, None, None))
    shapes = rdflib.Graph().parse(STYLE_SHAPES, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, advanced=False, inference="none")
    assert isinstance(report, rdflib.Graph)
    found = []
    for result in report.subjects(rdflib.RDF.type, rdflib.SH.ValidationResult):
        focus = report.value(result, rdflib.SH.focusNode)
        source = report.value(result, rdflib.SH.sourceShape)
        path = report.value(result, rdflib.SH.resultPath)
        value = report.value(result, rdflib.SH.value)
        rule = "style:" + str(source).rpartition("#")[2]
        subject = _ox_term(focus)
        details = _style_details(path, value)
        for file in locator.files_stating(store, subject, _ox_term(path)):
            # A shape on values (sh:targetClass's, sh:severity's) is about the statement that
            # gives the value: its line is the one with that predicate, not the first mention.
            near = [] if path is not None else locator.predicates_naming(store, subject, file)
            found.append(locator.finding(file, rule, subject, details, near))
    return found


def _ox_term(node: object) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    import rdflib

    if isinstance(node, rdflib.URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, rdflib.Literal):
        return ox.Literal(str(node), language=node.language) if node.language else ox.Literal(node)
    if isinstance(node, rdflib.BNode):  # add_to_rdflib kept oxigraph's blank-node ids
        return ox.BlankNode(str(node))
    return None


def _style_details(path: object, value: object) -> str:
    import rdflib

    parts = []
    if isinstance(path, rdflib.URIRef):
        parts.append(f"path {_compact(str(path))}")
    if isinstance(value, rdflib.Literal):
        parts.append(f"value {value.n3()}")
    elif isinstance(value, rdflib.URIRef):
        parts.append(f"value {_compact(str(value))}")
    return "; ".join(parts) or "see the rule"


_KNOWN_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": SH,
    "dcterms": "http://purl.org/dc/terms/",
}


def _compact(iri: str) -> str:
    for name, namespace in _KNOWN_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return f"<{iri}>"


# -- where in the file ----------------------------------------------------------------------


_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.MULTILINE)
# What may follow a term written in Turtle or YAML: space, punctuation of a statement, quotes.
_AFTER_TERM = r"(?=[\s;,.\])'\"]|$)"


#: YARRRML's prefixes: an indented ``name: IRI`` under ``prefixes:``.
_YAML_PREFIX = re.compile(r"^[ \t]+([A-Za-z][\w.-]*):[ \t]+[\"']?([a-z][\w+.-]*:[^\s\"']+)", re.M)
#: How far up lint walks from an inline (blank-node) shape to the named one that holds it.
_MAX_NESTING = 50


class _Locator:
    def __init__(self, paths: dict[str, Path], store: ox.Store):
        self.paths = paths
        self.store = store
        self.texts: dict[str, list[str]] = {}
        self.prefixes: dict[str, list[tuple[str, str]]] = {}

    def files_describing(
        self, store: ox.Store, subject: ox.NamedNode | ox.BlankNode | ox.Literal | None
    ) -> list[str]:
        """The reported files where the subject is described, else where it is mentioned."""
        if isinstance(subject, ox.NamedNode | ox.BlankNode):
            graphs = {q.graph_name for q in store.quads_for_pattern(subject, None, None, None)}
            described = sorted(_text(g) for g in graphs if isinstance(g, ox.NamedNode))
            described = [file for file in described if file in self.paths]
            if described:
                return described
        if subject is None:
            return []
        graphs = {q.graph_name for q in store.quads_for_pattern(None, None, subject, None)}
        return sorted(
            file
            for file in (_text(g) for g in graphs if isinstance(g, ox.NamedNode))
            if file in self.paths
        )

    def files_stating(
        self,
        store: ox.Store,
        focus: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        path: ox.NamedNode | ox.BlankNode | ox.Literal | None,
    ) -> list[str]:
        """The reported files holding what a style shape objected to: the focus node's values
        on the result path, or (for a shape on the values of sh:targetClass, sh:severity…) the
        SHACL statements that name the focus node."""
        if isinstance(path, ox.NamedNode) and isinstance(focus, ox.NamedNode | ox.BlankNode):
            quads = store.quads_for_pattern(focus, path, None, None)
        elif focus is not None:
            quads = (
                q
                for q in store.quads_for_pattern(None, None, focus, None)
                if q.predicate.value.startswith(SH)
            )
        else:
            return []
        graphs = {_text(q.graph_name) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        return sorted(file for file in graphs if file in self.paths)

    def predicates_naming(
        self, store: ox.Store, value: ox.NamedNode | ox.BlankNode | ox.Literal | None, file: str
    ) -> list[str]:
        if value is None:
            return []
        graph = ox.NamedNode(FILE_GRAPH_PREFIX + file)
        return sorted(
            {
                q.predicate.value
                for q in store.quads_for_pattern(None, None, value, graph)
                if q.predicate.value.startswith(SH)
            }
        )

    def finding(
        self,
        file: str,
        rule: str,
        subject: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        details: str,
        near: Sequence[str] = (),
    ) -> Finding:
        if file not in self.paths:
            return Finding(file, 0, 0, rule, "", details)
        inline = ""
        if isinstance(subject, ox.BlankNode):
            subject = self._holder(subject, file)
            inline = " […]"
        line, column, written = self._position(file, subject, near)
        return Finding(file, line, column, rule, written + inline if written else "", details)

    def _holder(self, node: ox.BlankNode, file: str) -> ox.NamedNode | None:
        """The named resource an inline (blank-node) shape or value is written inside."""
        graph = ox.NamedNode(FILE_GRAPH_PREFIX + file)
        current: ox.NamedNode | ox.BlankNode = node
        for _ in range(_MAX_NESTING):
            holder = next(iter(self.store.quads_for_pattern(None, None, current, graph)), None)
            if holder is None or isinstance(holder.subject, ox.Triple):
                return None
            if isinstance(holder.subject, ox.NamedNode):
                return holder.subject
            current = holder.subject
        return None

    def _position(
        self,
        file: str,
        subject: ox.NamedNode | ox.Literal | None,
        near: Sequence[str] = (),
    ) -> tuple[int, int, str]:
        lines = self._lines(file)
        if subject is None:  # a finding about the whole file
            return (1, 1, "")
        if not isinstance(subject, ox.NamedNode):
            return (0, 0, str(subject))
        forms = self._forms(file, subject.value)
        pattern = re.compile("|".join(re.escape(form) + _AFTER_TERM for form in forms))
        predicates = [form for iri in near for form in self._forms(file, iri)]
        first_mention = None
        stated = None
        for number, line in enumerate(lines, start=1):
            match = pattern.search(line)
            if match is None:
                continue
            if predicates and stated is None and any(form in line for form in predicates):
                stated = (number, match.start() + 1)
            if not predicates and (
                not line[: match.start()].strip() or line.lstrip().startswith("- ")
            ):
                return (number, match.start() + 1, forms[-1])
            first_mention = first_mention or (number, match.start() + 1)
        found = stated or first_mention
        if found:
            return (*found, forms[-1])
        return (0, 0, forms[-1])

    def _lines(self, file: str) -> list[str]:
        if file not in self.texts:
            text = self.paths[file].read_text(encoding="utf-8", errors="replace")
            self.texts[file] = text.splitlines()
            declared = _PREFIX.findall(text)
            if self.paths[file].suffix in (".yml", ".yaml"):
                declared += _YAML_PREFIX.findall(text)
            self.prefixes[file] = [(name or "", iri) for name, iri in declared]
        return self.texts[file]

    def _forms(self, file: str, iri: str) -> list[str]:
        """The ways the file may write the IRI, the shortest last (it names the finding)."""
        forms = [f"<{iri}>"]
        for name, namespace in self.prefixes.get(file, []):
            local = iri[len(namespace) :]
            if namespace and iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", local):
                if local and not local.endswith("."):
                    forms.append(f"{name}:{local}")
        return forms


def rule_titles(result: LintResult, language: str) -> Iterable[tuple[str, str]]:
    """Each rule that found something, with its title in the language."""
    for name in sorted({finding.rule for finding in result.findings}):
        rule = result.rules.get(name)
        titles = rule.titles if rule else {}
        yield name, titles.get(language) or titles.get("en", "")
