"""What a page of the documentation site is made of: terms with their facts, and references to
other terms that know where in the site (page and anchor) each one is documented."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from demoi.vocab.docs_turtle import Bilingual, FileGraph, Node, Vocabulary, bilingual_literals


@dataclass(frozen=True)
class Target:
    """A place in the site: a page key (``area/finance``, ``code/kae``, ``changelog``,
    ``index``) and an anchor on it."""

    page: str
    anchor: str | None = None


@dataclass(frozen=True)
class Ref:
    iri: str
    label: Bilingual
    qname: str
    #: Where the site documents the term; None for a term it only names.
    target: Target | None
    kind: Literal["ref"] = "ref"


@dataclass(frozen=True)
class Text:
    text: Bilingual
    code: bool = False
    kind: Literal["text"] = "text"


Value = Ref | Text


@dataclass
class Fact:
    name: Bilingual
    values: list[Value]


@dataclass
class Term:
    iri: str
    anchor: str
    label: Bilingual
    definition: Bilingual | None
    qname: str
    facts: list[Fact] = field(default_factory=list)
    #: A concept's code: its skos:notation (the IRI's last segment when it has none).
    code: str = ""


class Refs:
    """Names and places of IRIs: the labels of all the files, and the site's index of where
    each documented term has its section."""

    def __init__(self, vocabulary: Vocabulary, index: dict[str, Target]) -> None:
        self.vocabulary = vocabulary
        self.index = index

    def ref(self, iri: str) -> Ref:
        return Ref(iri, self.vocabulary.label(iri), self.vocabulary.qname(iri), self.index.get(iri))

    def value(self, node: Node, graph: FileGraph) -> Value:
        if isinstance(node, ox.NamedNode):
            return self.ref(node.value)
        if isinstance(node, ox.Literal):
            return Text(Bilingual.same(node.value))
        members = graph.items(node)
        if members:
            shown = ", ".join(self.short(member) for member in members)
            return Text(Bilingual.same(f"({shown})"))
        for operator, name in (
            ("unionOf", ("ένωση", "union of")),
            ("intersectionOf", ("τομή", "intersection of")),
        ):
            listed = graph.value(node, "http://www.w3.org/2002/07/owl#" + operator)
            if listed is not None:
                shown = ", ".join(self.short(member) for member in graph.items(listed))
                return Text(Bilingual(f"{name[0]} ({shown})", f"{name[1]} ({shown})"))
        return Text(Bilingual("(ανώνυμος κόμβος)", "(blank node)"))

    def short(self, node: Node) -> str:
        if isinstance(node, ox.NamedNode):
            return self.vocabulary.qname(node.value)
        if isinstance(node, ox.Literal):
            return f'"{node.value}"'
        return "[…]"

    def values(self, nodes: list[Node], graph: FileGraph) -> list[Value]:
        """Each node as a value; the language-tagged literals become one bilingual text."""
        tagged = [n for n in nodes if isinstance(n, ox.Literal) and n.language in ("el", "en")]
        found: list[Value] = [self.value(n, graph) for n in nodes if n not in tagged]
        text = bilingual_literals(list(tagged))
        return found + ([Text(text)] if text else [])

    def fact(self, el: str, en: str, nodes: list[Node], graph: FileGraph) -> list[Fact]:
        """A fact named in both languages, or nothing when there are no values."""
        values = self.values(nodes, graph)
        return [Fact(Bilingual(el, en), values)] if values else []

    def ref_fact(self, el: str, en: str, iris: list[str]) -> list[Fact]:
        unique = sorted(set(iris))
        return [Fact(Bilingual(el, en), [self.ref(iri) for iri in unique])] if unique else []
