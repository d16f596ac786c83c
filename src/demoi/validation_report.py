"""Validation reports: an :class:`demoi.conformance.Outcome` written for people and for machines.

Formats: ``text`` (the terminal), ``json`` (the API and scripts), ``html`` (a page a municipal
employee can act on), ``ttl`` (a SHACL ``sh:ValidationReport``) and ``junit`` (CI pipelines).
Every format carries the same content, in Greek or English (``language``); the text and HTML
reports list at most a few results per rule, the JSON, Turtle and JUnit reports every result.

A *rule* is one constraint of one shape (source shape + constraint component), at one severity,
found by one pass: the unit the HTML and text reports and the JUnit test cases are made of.

JSON keys (``as_json``; ``POST /api/validate`` returns exactly this object)::

    conforms        true when no violation (with strict: no result at all)
    strict          whether warnings and infos count against conformance
    language        "el" or "en": the language of every "message", "label", "title" and note
    profiles        [{name, title, documentation}]
    inputs          [{name, triples}]
    triples         the inputs' triples, summed
    checkedAt       ISO 8601 date-time (UTC) of the check
    seconds         how long it took
    counts          {Violation, Warning, Info}: results of each severity (0 when none)
    passes          [{profile, pass, backgroundTriples, description}]: pass 1 is the shapes on
                    the data alone, pass 2 the range and code-list shapes with the code lists
                    (backgroundTriples of them) as background knowledge
    byShape         [{sourceShape, severity, pass, count, message, section, profile,
                    sourceConstraintComponents}]: Outcome.by_shape(), the most to fix first
    results         [{severity, focusNode, resultPath, value, valueTerm, message,
                    messages{el, en}, sourceShape, sourceConstraintComponent (the full SHACL
                    IRI), section{id, label, url} or null, pass, profile}]; valueTerm is the
                    value in N-Triples syntax (its kind, datatype and language), null with value
    notes           [text]: what the validator chose not to do (owl:imports not followed)

Turtle: one ``sh:ValidationReport`` with its ``sh:result`` nodes as SHACL defines them (messages
in el and en), plus demoi's terms in ``https://w3id.org/demoi/def/validation#`` (``dv:``):
``dv:pass`` (1 or 2) and ``dv:section`` (the section's IRI, with its rdfs:label) and
``dv:profile`` on each result; on the report ``prov:generatedAtTime``, ``dct:conformsTo`` (each
profile's documentation), ``dv:strict``, ``dv:violations``/``dv:warnings``/``dv:infos``,
``dv:input`` [``rdfs:label``; ``dv:triples``] and ``dv:passRun`` [``dv:profile``; ``dv:pass``;
``dv:backgroundTriples``].
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import jinja2
import rdflib
import rdflib.paths
from markupsafe import Markup
from rdflib.collection import Collection
from rdflib.namespace import PROV, RDF, RDFS, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.util import from_n3

from demoi import validation
from demoi.conformance import SEVERITIES, Outcome, Result
from demoi.errors import UsageError
from demoi.shape_messages import compact

FORMATS = ("text", "json", "html", "ttl", "junit")
MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "junit": "application/xml",
}
LANGUAGES = ("el", "en")
DV = rdflib.Namespace("https://w3id.org/demoi/def/validation#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
SHOWN_IN_TEXT = 10  # results listed per rule in the terminal; the rest are counted
SHOWN_IN_HTML = 20  # and on the page

TEXT = {
    "el": {
        "title": "Αναφορά επικύρωσης",
        "profile": "Προφίλ",
        "profiles": "Προφίλ",
        "inputs": "Δεδομένα",
        "triples": "τριάδες",
        "checked": "Ελέγχθηκε",
        "seconds": "δευτ.",
        "passes": "Έλεγχοι",
        "pass": "έλεγχος",
        "pass_1": "Έλεγχος 1: τα σχήματα στα δεδομένα μόνα τους",
        "pass_2": "Έλεγχος 2: κανόνες εύρους και λιστών κωδικών, με {n} τριάδες από τις λίστες "
        "κωδικών ως γνώση υποβάθρου",
        "conforms": "Τα δεδομένα συμμορφώνονται",
        "not_conforms": "Τα δεδομένα ΔΕΝ συμμορφώνονται",
        "strict": "αυστηρός έλεγχος: και οι προειδοποιήσεις μετρούν",
        "no_results": "Κανένα πρόβλημα: κανένας κανόνας δεν παραβιάστηκε.",
        "summary": "Σύνοψη",
        "fix_first": "Τι να διορθώσετε πρώτα",
        "by_shape": "Κανόνες που παραβιάστηκαν",
        "what": "Τι δεν είναι σωστό",
        "where": "Πού",
        "how": "Πώς διορθώνεται",
        "how_text": "Κάντε ό,τι ζητά το μήνυμα στους κόμβους που αναφέρονται παρακάτω. "
        "Ο κανόνας περιγράφεται στην ενότητα",
        "focus": "Κόμβος",
        "path": "Ιδιότητα",
        "value": "Τιμή",
        "more": "… και {n} ακόμη",
        "shape": "Σχήμα",
        "component": "Περιορισμός",
        "section": "Ενότητα",
        "results": "αποτελέσματα",
        "found": "αποτελέσματα",
        "technical": "Τεχνικές λεπτομέρειες",
        "notes": "Σημειώσεις",
        "counts": "παραβάσεις: {Violation}, προειδοποιήσεις: {Warning}, πληροφορίες: {Info}",
        "rule_count": "{n} φορές",
        "rule_once": "1 φορά",
        "pass_label": "Έλεγχος",
        "on_node": "στον κόμβο",
        "Violation": "Παράβαση",
        "Warning": "Προειδοποίηση",
        "Info": "Πληροφορία",
        "no_problems_case": "{profile}, έλεγχος {n}: κανένα αποτέλεσμα",
    },
    "en": {
        "title": "Validation report",
        "profile": "Profile",
        "profiles": "Profiles",
        "inputs": "Data",
        "triples": "triples",
        "checked": "Checked",
        "seconds": "s",
        "passes": "Passes",
        "pass": "pass",
        "pass_1": "Pass 1: the shapes on the data alone",
        "pass_2": "Pass 2: range and code-list rules, with {n} triples of the code lists as "
        "background knowledge",
        "conforms": "The data conforms",
        "not_conforms": "The data does NOT conform",
        "strict": "strict: warnings count too",
        "no_results": "No problems: no rule was broken.",
        "summary": "Summary",
        "fix_first": "What to fix first",
        "by_shape": "Rules broken",
        "what": "What is wrong",
        "where": "Where",
        "how": "How to fix it",
        "how_text": "Do what the message asks on the nodes listed below. The rule is written "
        "down in the section",
        "focus": "Node",
        "path": "Property",
        "value": "Value",
        "more": "… and {n} more",
        "shape": "Shape",
        "component": "Constraint",
        "section": "Section",
        "results": "results",
        "found": "results",
        "technical": "Technical details",
        "notes": "Notes",
        "counts": "violations: {Violation}, warnings: {Warning}, infos: {Info}",
        "rule_count": "{n} times",
        "rule_once": "once",
        "pass_label": "Pass",
        "on_node": "on the node",
        "Violation": "Violation",
        "Warning": "Warning",
        "Info": "Info",
        "no_problems_case": "{profile}, pass {n}: no results",
    },
}


def render(outcome: Outcome, fmt: str, language: str) -> bytes:
    """The report in ``fmt`` (one of FORMATS), in ``language`` (el or en)."""
    language = _language(language)
    if fmt == "json":
        return json.dumps(as_json(outcome, language), ensure_ascii=False, indent=2).encode()
    if fmt == "text":
        return visible_controls(as_text(outcome, language), keep="\n").encode()
    if fmt == "html":
        return as_html(outcome, language).encode()
    if fmt == "ttl":
        return as_graph(outcome).serialize(format="turtle").encode()
    if fmt == "junit":
        return as_junit(outcome, language)
    raise UsageError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


# Characters a report must not carry as they are: C0 and C1 controls, DEL, and the two
# non-characters XML 1.0 forbids. In text they are terminal escapes (a value could rewrite the
# validator's screen, or a \r hide a line); in JUnit XML they make the file unreadable (not even
# a character reference may name them), so CI would reject the whole report.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff]")


def visible_controls(text: str, *, keep: str) -> str:
    """``text`` with each control character (but those in ``keep``) written as ``\\uXXXX``, as
    N-Triples would escape it."""
    return _CONTROLS.sub(
        lambda match: match[0] if match[0] in keep else f"\\u{ord(match[0]):04X}", text
    )


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise UsageError(f"unknown report language {language!r}; choose el or en")
    return language


# ---------------------------------------------------------------------------------------------
# The content every format shares


@dataclass
class Rule:
    """The results of one constraint of one shape, at one severity, found by one pass."""

    results: list[Result]

    @property
    def first(self) -> Result:
        return self.results[0]

    @property
    def name(self) -> str:
        return f"{result_shape_text(self.first)} {_short(self.first.component)}"


def rules(outcome: Outcome) -> list[Rule]:
    """The results grouped by rule, in the order of ``Outcome.by_shape``: the severest first,
    then the most frequent."""
    groups: dict[tuple[str, str, str, int, str], list[Result]] = {}
    for result in outcome.results:
        key = (result.profile, result.shape, result.component, result.pass_number, result.severity)
        groups.setdefault(key, []).append(result)
    order = {(r.shape, r.severity, r.pass_number): i for i, (r, _) in enumerate(outcome.by_shape())}
    ranked = sorted(
        groups.values(),
        key=lambda members: (
            order.get((members[0].shape, members[0].severity, members[0].pass_number), 0),
            -len(members),
            members[0].component,
        ),
    )
    return [Rule(members) for members in ranked]


def shape_text(shape: str) -> str:
    """A shape as people read it: its compact IRI, or "[…]" with the id of a blank node."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", shape):
        return compact(shape)
    return f"_:{shape}"


def result_shape_text(result: Result) -> str:
    """The result's shape as people read it; a blank node, whose id changes each time the
    shapes are read, as its section and path (r5r:Dataset_Shape dct:title), which do not."""
    if _IS_IRI.match(result.shape) or result.section is None:
        return shape_text(result.shape)
    where = compact(result.section.url) if _IS_IRI.match(result.section.url) else result.section.id
    return f"{where} {compact(result.path)}" if result.path else where


_IS_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _short(component: str) -> str:
    return component.removesuffix("ConstraintComponent")


def pass_description(number: int, background: int, language: str) -> str:
    return TEXT[language][f"pass_{min(number, 2)}"].format(n=background)


def passes_run(outcome: Outcome, language: str) -> list[tuple[str, list[str]]]:
    """Each pass described once with the profiles it ran for (``all`` runs 13 profiles, each
    with the same two passes)."""
    found = Counter((r.profile, r.pass_number) for r in outcome.results)
    runs: dict[tuple[int, str], list[str]] = {}
    for run in outcome.passes:
        description = pass_description(run.number, run.background_triples, language)
        runs.setdefault((run.number, description), []).append(run.profile)
    return [
        (
            f"{description} — {TEXT[language]['found']}: "
            f"{sum(found[name, number] for name in names)}",
            names,
        )
        for (number, description), names in runs.items()
    ]


class _Iris:
    """The full IRIs of severities and constraint components, which results name by their
    local name (MinCountConstraintComponent): SHACL's own, else found in the profiles' shapes
    (a custom sh:severity, a SPARQL-based constraint component of the user's)."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.found: dict[tuple[str, str], rdflib.URIRef] = {}

    def severity(self, severity: str) -> rdflib.URIRef:
        return self._iri("severity", severity, SH.severity)

    def component(self, component: str) -> rdflib.URIRef:
        return self._iri("component", component, RDF.type, SH.ConstraintComponent)

    def _iri(
        self,
        kind: str,
        name: str,
        predicate: rdflib.URIRef,
        wanted: rdflib.URIRef | None = None,
    ) -> rdflib.URIRef:
        if _IS_IRI.match(name):
            return rdflib.URIRef(name)
        if (kind, name) not in self.found:
            self.found[kind, name] = self._search(name, predicate, wanted)
        return self.found[kind, name]

    def _search(
        self, name: str, predicate: rdflib.URIRef, wanted: rdflib.URIRef | None
    ) -> rdflib.URIRef:
        try:
            return SH[name]
        except AttributeError:  # rdflib's SH holds SHACL's terms only
            pass
        for profile in self.outcome.profiles:
            for graph in (profile.pass_one, profile.pass_two):
                if graph is None:
                    continue
                pairs = graph.subject_objects(predicate)
                for subject, value in pairs:
                    term = value if wanted is None else subject
                    if wanted is not None and value != wanted:
                        continue
                    if isinstance(term, rdflib.URIRef) and _local_name(term) == name:
                        return term
        return rdflib.URIRef(f"{SH}{name}")  # not found: SHACL's namespace, as results imply


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _counts_text(outcome: Outcome, language: str) -> str:
    return TEXT[language]["counts"].format(**outcome.counts)


def _section_json(result: Result, language: str) -> dict[str, str] | None:
    if result.section is None:
        return None
    return {
        "id": result.section.id,
        "label": result.section.label(language),
        "url": result.section.url,
    }


def _notes(outcome: Outcome, language: str) -> list[str]:
    return [validation.in_language(note, language) for note in outcome.notes]


# ---------------------------------------------------------------------------------------------
# JSON


def as_json(outcome: Outcome, language: str) -> dict[str, object]:
    """The report as JSON-ready data (the keys are listed in the module docstring)."""
    language = _language(language)
    iris = _Iris(outcome)
    return {
        "conforms": outcome.conforms,
        "strict": outcome.strict,
        "language": language,
        "profiles": [
            {"name": p.name, "title": p.title(language), "documentation": p.documentation}
            for p in outcome.profiles
        ],
        "inputs": [{"name": i.name, "triples": i.triples} for i in outcome.inputs],
        "triples": outcome.triples,
        "checkedAt": outcome.checked_at.isoformat(),
        "seconds": round(outcome.seconds, 3),
        "counts": outcome.counts,
        "passes": [
            {
                "profile": p.profile,
                "pass": p.number,
                "backgroundTriples": p.background_triples,
                "description": pass_description(p.number, p.background_triples, language),
            }
            for p in outcome.passes
        ],
        "byShape": [_by_shape_json(outcome, r, n, language) for r, n in outcome.by_shape()],
        "results": [_result_json(r, language, iris) for r in outcome.results],
        "notes": _notes(outcome, language),
    }


def _by_shape_json(outcome: Outcome, result: Result, count: int, language: str) -> object:
    iris = _Iris(outcome)
    components = sorted(
        {
            iris.component(r.component)
            for r in outcome.results
            if (r.shape, r.severity, r.pass_number)
            == (result.shape, result.severity, result.pass_number)
        }
    )
    return {
        "sourceShape": result.shape,
        "severity": result.severity,
        "pass": result.pass_number,
        "count": count,
        "message": result.message(language),
        "section": _section_json(result, language),
        "profile": result.profile,
        "sourceConstraintComponents": [str(c) for c in components],
    }


def _result_json(result: Result, language: str, iris: _Iris) -> dict[str, object]:
    return {
        "severity": result.severity,
        "focusNode": result.focus,
        "resultPath": result.path,
        "value": result.value,
        "valueTerm": result.value_term,
        "message": result.message(language),
        "messages": {lang: result.message(lang) for lang in LANGUAGES},
        "sourceShape": result.shape,
        "sourceConstraintComponent": str(iris.component(result.component)),
        "section": _section_json(result, language),
        "pass": result.pass_number,
        "profile": result.profile,
    }


# ---------------------------------------------------------------------------------------------
# Text


def as_text(outcome: Outcome, language: str) -> str:
    text = TEXT[language]
    lines = [f"{text['title']}", ""]
    for profile in outcome.profiles:
        lines.append(f"{text['profile']}: {profile.title(language)} <{profile.documentation}>")
    inputs = ", ".join(f"{i.name} ({i.triples} {text['triples']})" for i in outcome.inputs)
    lines.append(f"{text['inputs']}: {inputs}")
    lines.append(
        f"{text['checked']}: {_when(outcome.checked_at)} ({outcome.seconds:.2f} {text['seconds']})"
    )
    lines.append(f"{text['passes']}:")
    for description, names in passes_run(outcome, language):
        lines.append(f"  {description} [{', '.join(names)}]")
    verdict = text["conforms"] if outcome.conforms else text["not_conforms"]
    strict = f" ({text['strict']})" if outcome.strict else ""
    lines += ["", f"{verdict}{strict}: {_counts_text(outcome, language)}"]
    for note in _notes(outcome, language):
        lines.append(f"{text['notes']}: {note}")
    found = rules(outcome)
    if not found:
        lines += ["", text["no_results"]]
    else:
        lines += ["", f"{text['by_shape']}:"]
    for rule in found:
        lines += ["", *_rule_lines(rule, language)]
    return "\n".join(lines) + "\n"


def _rule_lines(rule: Rule, language: str) -> list[str]:
    text, first = TEXT[language], rule.first
    lines = [
        f"[{text.get(first.severity, first.severity)}] {len(rule.results)} × "
        f"{first.message(language)}",
        f"    {text['shape']}: {result_shape_text(first)} · {text['component']}: "
        f"{_short(first.component)} · {text['pass']} {first.pass_number} · {first.profile}",
    ]
    if first.section is not None:
        lines.append(
            f"    {text['section']}: {first.section.label(language)} <{first.section.url}>"
        )
    for result in rule.results[:SHOWN_IN_TEXT]:
        where = " ".join(
            part
            for part in (
                _node_text(result.focus),
                compact(result.path) if result.path else "",
                f"= {_value_text(result)}" if result.value is not None else "",
            )
            if part
        )
        lines.append(f"    - {where}")
    rest = len(rule.results) - SHOWN_IN_TEXT
    if rest > 0:
        lines.append(f"    {text['more'].format(n=rest)}")
    return lines


def _node_text(node: str) -> str:
    return f"<{node}>" if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", node) else f"_:{node}"


def _value_text(result: Result) -> str:
    """The value as N-Triples shows it, the datatype compacted (so 12 reads "12"^^xsd:integer)."""
    term = result.value_term or repr(result.value)
    if term.startswith("<"):
        written = compact(term[1:-1])
        return term if written == term[1:-1] else written
    return _IRI_IN_TERM.sub(_compact_match, term)


_IRI_IN_TERM = re.compile(r"\^\^<([^<>]*)>$")


def _compact_match(match: re.Match[str]) -> str:
    written = compact(match.group(1))
    return f"^^{written}" if written != match.group(1) else match.group(0)


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


# ---------------------------------------------------------------------------------------------
# HTML

CSS = """
.demoi-report { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 72rem; }
.demoi-report .verdict { padding: .75rem 1rem; border-radius: .4rem; font-weight: 600; }
.demoi-report .verdict.ok { background: #e6f4ea; border: 2px solid #1e7e34; }
.demoi-report .verdict.fail { background: #fdecea; border: 2px solid #b00020; }
.demoi-report .badge { display: inline-block; padding: 0 .5rem; border-radius: .3rem;
  font-size: .85em; font-weight: 600; color: #fff; }
.demoi-report .badge.Violation { background: #b00020; }
.demoi-report .badge.Warning { background: #8a5a00; }
.demoi-report .badge.Info { background: #0b5394; }
.demoi-report .rule { border-left: 6px solid #999; padding: .25rem 1rem; margin: 1rem 0; }
.demoi-report .rule.Violation { border-color: #b00020; }
.demoi-report .rule.Warning { border-color: #d99000; }
.demoi-report .rule.Info { border-color: #0b5394; }
.demoi-report table { border-collapse: collapse; width: 100%; font-size: .9em; }
.demoi-report th, .demoi-report td { border: 1px solid #ccc; padding: .2rem .4rem;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.demoi-report code { font-size: .9em; }
.demoi-report dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.demoi-report dl.meta dt { font-weight: 600; }
"""

# Jinja with autoescaping: every focus node, value and message is data, and may hold markup.
_ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
# Links only to web pages: a section is a shape's IRI, and shapes given by a user may name one
# javascript:… (escaping does not make such a link harmless).
_ENVIRONMENT.filters["web"] = lambda address: str(address).startswith(("https://", "http://"))
_FRAGMENT = _ENVIRONMENT.from_string(
    """<section class="demoi-report" lang="{{ lang }}">
<h2>{{ t.title }}</h2>
<div class="verdict {{ 'ok' if outcome.conforms else 'fail' }}" role="status">
{{ t.conforms if outcome.conforms else t.not_conforms }}{% if outcome.strict %}
({{ t.strict }}){% endif %}: {{ counts }}
</div>
<ul class="counts">
{% for severity in severities %}<li><span class="badge {{ severity }}">{{ t[severity] }}</span>
{{ outcome.counts[severity] }}</li>
{% endfor %}</ul>
<dl class="meta">
<dt>{{ t.profiles }}</dt><dd>{% for p in outcome.profiles %}{% if p.documentation | web %}
<a href="{{ p.documentation }}">{{ p.title(lang) }}</a>{% else %}{{ p.title(lang) }}
<code>{{ p.documentation }}</code>{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}</dd>
<dt>{{ t.inputs }}</dt><dd>{% for i in outcome.inputs %}<code>{{ i.name }}</code>
({{ i.triples }} {{ t.triples }}){% if not loop.last %}, {% endif %}{% endfor %}</dd>
<dt>{{ t.checked }}</dt><dd><time datetime="{{ outcome.checked_at.isoformat() }}">
{{- when }}</time> ({{ '%.2f' % outcome.seconds }} {{ t.seconds }})</dd>
<dt>{{ t.passes }}</dt><dd><ul>{% for description, names in passes %}<li>{{ description }}
({{ names | join(", ") }})</li>{% endfor %}</ul></dd>
</dl>
{% if notes %}<h3>{{ t.notes }}</h3><ul>{% for note in notes %}<li>{{ note }}</li>
{% endfor %}</ul>{% endif %}
{% if not found %}<p class="no-results">{{ t.no_results }}</p>
{% else %}<h3>{{ t.fix_first }}</h3>
{% for rule in found %}<article class="rule {{ rule.severity }}">
<h4><span class="badge {{ rule.severity }}">{{ rule.severity_label }}</span>
{{ rule.heading }} <small>({{ rule.count_text }})</small></h4>
<p><strong>{{ t.what }}:</strong> {{ rule.message }}</p>
<p><strong>{{ t.how }}:</strong> {{ t.how_text }}
{% if rule.section and rule.section.url | web %}
<a href="{{ rule.section.url }}">{{ rule.section.label }}</a>
{%- elif rule.section %}{{ rule.section.label }} (<code>{{ rule.section.url }}</code>)
{%- else %}{{ rule.profile }}{% endif %}.</p>
<p><strong>{{ t.where }}:</strong></p>
<table><thead><tr><th>{{ t.focus }}</th><th>{{ t.path }}</th><th>{{ t.value }}</th></tr></thead>
<tbody>{% for row in rule.rows %}<tr><td><code title="{{ row.focus }}">{{ row.focus }}</code></td>
<td>{% if row.path %}<code title="{{ row.path }}">{{ row.path_short }}</code>{% endif %}</td>
<td>{% if row.value is not none %}<code>{{ row.value }}</code>{% endif %}</td></tr>
{% endfor %}</tbody></table>
{% if rule.rest %}<p>{{ rule.rest }}</p>{% endif %}
<details><summary>{{ t.technical }}</summary><dl class="meta">
<dt>{{ t.shape }}</dt><dd><code title="{{ rule.shape }}">{{ rule.shape_short }}</code></dd>
<dt>{{ t.component }}</dt><dd><code>{{ rule.component }}</code></dd>
<dt>{{ t.pass_label }}</dt><dd>{{ rule.pass_number }}</dd>
<dt>{{ t.profile }}</dt><dd>{{ rule.profile }}</dd>
</dl></details>
</article>
{% endfor %}{% endif %}
</section>
"""
)
_PAGE = _ENVIRONMENT.from_string(
    """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
{{ fragment }}
</body>
</html>
"""
)


def html_fragment(outcome: Outcome, language: str) -> str:
    """The report's body (a <section>, no <html>/<head>), for a page to embed in its layout;
    style it with :data:`CSS` (the standalone report inlines it)."""
    language = _language(language)
    text = TEXT[language]
    return _FRAGMENT.render(
        lang=language,
        t=text,
        outcome=outcome,
        counts=_counts_text(outcome, language),
        severities=SEVERITIES,
        when=_when(outcome.checked_at),
        passes=passes_run(outcome, language),
        notes=_notes(outcome, language),
        found=[_rule_view(rule, language) for rule in rules(outcome)],
    )


def as_html(outcome: Outcome, language: str) -> str:
    """A complete page, CSS inline and no script, to save or send as it is."""
    fragment = html_fragment(outcome, language)
    return _PAGE.render(
        lang=language,
        title=f"{TEXT[language]['title']} — demoi",
        css=Markup(CSS),
        fragment=Markup(fragment),
    )


def _heading(rule: Rule, language: str) -> str:
    """What a rule is about, in a few words: its property, else its section."""
    first = rule.first
    if first.path:
        return compact(first.path)
    if first.section is not None:
        return first.section.label(language)
    return TEXT[language]["on_node"]


def _rule_view(rule: Rule, language: str) -> dict[str, object]:
    first, text = rule.first, TEXT[language]
    rest = len(rule.results) - SHOWN_IN_HTML
    return {
        "severity": first.severity,
        "severity_label": text.get(first.severity, first.severity),
        "message": first.message(language),
        "heading": _heading(rule, language),
        "count_text": text["rule_once" if len(rule.results) == 1 else "rule_count"].format(
            n=len(rule.results)
        ),
        "section": _section_json(first, language),
        "profile": first.profile,
        "shape": first.shape,
        "shape_short": result_shape_text(first),
        "component": _short(first.component),
        "pass_number": first.pass_number,
        "rows": [
            {
                "focus": _node_text(r.focus),
                "path": r.path,
                "path_short": compact(r.path) if r.path else "",
                "value": _value_text(r) if r.value is not None else None,
            }
            for r in rule.results[:SHOWN_IN_HTML]
        ],
        "rest": text["more"].format(n=rest) if rest > 0 else "",
    }


# ---------------------------------------------------------------------------------------------
# Turtle: a SHACL validation report


def as_graph(outcome: Outcome) -> rdflib.Graph:
    graph = rdflib.Graph()
    for prefix, namespace in (("sh", SH), ("dv", DV), ("dct", DCT), ("prov", PROV)):
        graph.bind(prefix, namespace)
    report = rdflib.BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, rdflib.Literal(outcome.conforms)))
    graph.add((report, DV.strict, rdflib.Literal(outcome.strict)))
    graph.add(
        (report, PROV.generatedAtTime, rdflib.Literal(outcome.checked_at, datatype=XSD.dateTime))
    )
    for profile in outcome.profiles:
        graph.add((report, DCT.conformsTo, _resource(profile.documentation)))
    counters = {"Violation": DV.violations, "Warning": DV.warnings, "Info": DV.infos}
    for severity, count in outcome.counts.items():
        graph.add((report, counters[severity], rdflib.Literal(count)))
    for source in outcome.inputs:
        node = rdflib.BNode()
        graph.add((report, DV.input, node))
        graph.add((node, RDFS.label, rdflib.Literal(source.name)))
        graph.add((node, DV.triples, rdflib.Literal(source.triples)))
    for run in outcome.passes:
        node = rdflib.BNode()
        graph.add((report, DV.passRun, node))
        graph.add((node, DV.profile, rdflib.Literal(run.profile)))
        graph.add((node, DV["pass"], rdflib.Literal(run.number)))
        graph.add((node, DV.backgroundTriples, rdflib.Literal(run.background_triples)))
    shapes: dict[str, rdflib.term.Node] = {}
    iris = _Iris(outcome)
    for result in outcome.results:
        graph.add((report, SH.result, _result_node(graph, result, shapes, iris)))
    return graph


def _result_node(
    graph: rdflib.Graph, result: Result, shapes: dict[str, rdflib.term.Node], iris: _Iris
) -> rdflib.BNode:
    node = rdflib.BNode()
    add = graph.add
    add((node, RDF.type, SH.ValidationResult))
    add((node, SH.focusNode, _term(result.focus_term or f"<{result.focus}>")))
    if result.path is not None:
        path = _path_node(graph, result.path)
        if path is not None:
            add((node, SH.resultPath, path))
    if result.value_term is not None:
        add((node, SH.value, _term(result.value_term)))
    add((node, SH.resultSeverity, iris.severity(result.severity)))
    if result.shape not in shapes:
        shapes[result.shape] = (
            rdflib.URIRef(result.shape) if ":" in result.shape else rdflib.BNode()
        )
    add((node, SH.sourceShape, shapes[result.shape]))
    add((node, SH.sourceConstraintComponent, iris.component(result.component)))
    for language, text in result.messages:
        add((node, SH.resultMessage, rdflib.Literal(text, lang=language or None)))
    add((node, DV["pass"], rdflib.Literal(result.pass_number)))
    add((node, DV.profile, rdflib.Literal(result.profile)))
    if result.section is not None:
        section = _resource(result.section.url)
        add((node, DV.section, section))
        for language, label in result.section.labels:
            add((section, RDFS.label, rdflib.Literal(label, lang=language or None)))
    return node


def _term(n3: str) -> rdflib.term.Node:
    term = from_n3(n3)
    if not isinstance(term, rdflib.term.Node):
        raise ValueError(f"not an RDF term: {n3!r}")
    return term


def _resource(address: str) -> rdflib.URIRef:
    """An IRI; a file name (the documentation of shapes given with --shapes) as its file URI."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", address):
        return rdflib.URIRef(address)
    return rdflib.URIRef(Path(address).resolve().as_uri())


def _path_node(graph: rdflib.Graph, path: str) -> rdflib.term.Node | None:
    """The result path as SHACL writes paths: an IRI, or the compiled engine's SPARQL path
    (``^(<…>)``) read by rdflib's SPARQL parser and written back as SHACL path nodes. A blank
    node id (pySHACL's complex paths) cannot be rebuilt and is left out."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", path):
        return rdflib.URIRef(path)
    if not path.startswith(("^", "(", "<")):
        return None
    try:
        query = prepareQuery(f"SELECT * WHERE {{ ?s {path} ?o }}")
    except Exception:  # noqa: BLE001 - pyparsing raises its own exceptions; no path then
        return None
    operator = query.algebra
    while "triples" not in operator:  # SelectQuery > Project > BGP, depending on rdflib
        operator = operator["p"]
    return _shacl_path(graph, operator["triples"][0][1])


def _shacl_path(graph: rdflib.Graph, path: object) -> rdflib.term.Node:
    if isinstance(path, rdflib.URIRef):
        return path
    node = rdflib.BNode()
    if isinstance(path, rdflib.paths.InvPath):
        graph.add((node, SH.inversePath, _shacl_path(graph, path.arg)))
    elif isinstance(path, rdflib.paths.SequencePath):
        Collection(graph, node, [_shacl_path(graph, p) for p in path.args])
    elif isinstance(path, rdflib.paths.AlternativePath):
        members = rdflib.BNode()
        Collection(graph, members, [_shacl_path(graph, p) for p in path.args])
        graph.add((node, SH.alternativePath, members))
    elif isinstance(path, rdflib.paths.MulPath):
        kind = {"*": SH.zeroOrMorePath, "+": SH.oneOrMorePath, "?": SH.zeroOrOnePath}[path.mod]
        graph.add((node, kind, _shacl_path(graph, path.path)))
    else:
        raise ValueError(f"unexpected path {path!r}")
    return node


# ---------------------------------------------------------------------------------------------
# JUnit XML


def as_junit(outcome: Outcome, language: str) -> bytes:
    """One <testsuite> per profile and pass, one <testcase> per rule broken: a <failure> for
    violations (and, with strict, for warnings and infos), the results as <system-out>
    otherwise. A suite with no results has one passing test case, so CI shows it ran."""
    text = TEXT[language]
    suites = ET.Element("testsuites", name="demoi validate")
    found = rules(outcome)
    per_run = max(outcome.seconds / max(len(outcome.passes), 1), 0.0)
    for run in outcome.passes:
        mine = [
            r for r in found if (r.first.profile, r.first.pass_number) == (run.profile, run.number)
        ]
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=f"{run.profile} ({text['pass']} {run.number})",
            timestamp=outcome.checked_at.replace(tzinfo=None).isoformat(timespec="seconds"),
            time=f"{per_run:.3f}",
        )
        properties = ET.SubElement(suite, "properties")
        for source in outcome.inputs:
            ET.SubElement(
                properties, "property", name="input", value=f"{source.name} ({source.triples})"
            )
        ET.SubElement(
            properties, "property", name="backgroundTriples", value=str(run.background_triples)
        )
        for rule in mine:
            _testcase(suite, rule, outcome.strict, language)
        if not mine:
            ET.SubElement(
                suite,
                "testcase",
                name=text["no_problems_case"].format(profile=run.profile, n=run.number),
                classname=run.profile,
                time="0",
            )
        failures = sum(1 for case in suite.iter("failure"))
        suite.set("tests", str(max(len(mine), 1)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
    for attribute in ("tests", "failures", "errors", "skipped"):
        suites.set(attribute, str(sum(int(s.get(attribute, "0")) for s in suites)))
    suites.set("time", f"{outcome.seconds:.3f}")
    ET.indent(suites)
    written = ET.tostring(suites, encoding="unicode")
    # ElementTree writes control characters as they are, which no XML parser reads back.
    readable = visible_controls(written, keep="\t\n\r")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{readable}\n".encode()


def _testcase(suite: ET.Element, rule: Rule, strict: bool, language: str) -> None:
    first = rule.first
    section = first.section.id if first.section is not None else "-"
    case = ET.SubElement(
        suite, "testcase", name=rule.name, classname=f"{first.profile}.{section}", time="0"
    )
    message = first.message(language)
    details = "\n".join(
        " ".join(
            part
            for part in (
                _node_text(r.focus),
                compact(r.path) if r.path else "",
                f"= {_value_text(r)}" if r.value is not None else "",
            )
            if part
        )
        for r in rule.results
    )
    if first.severity == "Violation" or strict:
        failure = ET.SubElement(case, "failure", message=message, type=first.severity)
        failure.text = f"{message}\n{details}"
    else:
        ET.SubElement(case, "system-out").text = f"{first.severity}: {message}\n{details}"
