"""An area's classes as an inline SVG diagram, drawn on the server: no script, no external file.

Hand-written because the layout needed is small (a few dozen boxes) and Graphviz would be a
system dependency: classes are placed in layers by their depth in the ``rdfs:subClassOf``
hierarchy (superclasses above), a long layer wraps into rows, subclass edges end in a hollow
triangle, and object properties are dashed arrows labelled with the property.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from demoi.vocab.docs_turtle import Bilingual

BOX_WIDTH = 200
BOX_HEIGHT = 40
GAP_X = 40
GAP_Y = 70
PER_ROW = 4
MARGIN = 20
MAX_LABEL = 28


@dataclass(frozen=True)
class ClassNode:
    iri: str
    label: Bilingual
    #: A class of another vocabulary, drawn grey.
    outside: bool = False


@dataclass
class Diagram:
    nodes: list[ClassNode] = field(default_factory=list)
    #: (subclass, superclass)
    subclass_edges: list[tuple[str, str]] = field(default_factory=list)
    #: (domain, range, property label)
    property_edges: list[tuple[str, str, Bilingual]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.nodes


def _depths(diagram: Diagram) -> dict[str, int]:
    parents: dict[str, set[str]] = {node.iri: set() for node in diagram.nodes}
    for child, parent in diagram.subclass_edges:
        if child in parents and parent in parents and child != parent:
            parents[child].add(parent)
    depths: dict[str, int] = {}

    def depth(iri: str, path: frozenset[str]) -> int:
        if iri not in depths:
            above = [depth(p, path | {iri}) for p in parents[iri] if p not in path]
            depths[iri] = 1 + max(above) if above else 0
        return depths[iri]

    for node in diagram.nodes:
        depth(node.iri, frozenset())
    return depths


def _positions(diagram: Diagram, language: str) -> dict[str, tuple[int, int]]:
    depths = _depths(diagram)
    layers: dict[int, list[ClassNode]] = {}
    for node in diagram.nodes:
        layers.setdefault(depths[node.iri], []).append(node)
    positions, row = {}, 0
    for layer in sorted(layers):
        members = sorted(layers[layer], key=lambda node: (node.outside, node.label[language]))
        for start in range(0, len(members), PER_ROW):
            for column, node in enumerate(members[start : start + PER_ROW]):
                positions[node.iri] = (
                    MARGIN + column * (BOX_WIDTH + GAP_X),
                    MARGIN + row * (BOX_HEIGHT + GAP_Y),
                )
            row += 1
    return positions


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def svg(diagram: Diagram, language: str, title: str, href: Callable[[str], str | None]) -> Markup:
    """The diagram in one language, each class linked to ``href(iri)``; every text is escaped
    (labels come from editors' files)."""
    positions = _positions(diagram, language)
    width = max((x for x, _ in positions.values()), default=0) + BOX_WIDTH + 2 * MARGIN
    height = max((y for _, y in positions.values()), default=0) + BOX_HEIGHT + 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
        "<defs>"
        '<marker id="diagram-subclass-arrow" viewBox="0 0 12 12" refX="12" refY="6" '
        'markerWidth="12" markerHeight="12" orient="auto"><path d="M0,0 L12,6 L0,12 z" fill="#fff" '
        'stroke="#333"/></marker>'
        '<marker id="diagram-property-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>'
        "</defs>",
    ]
    for child, parent in diagram.subclass_edges:
        if child in positions and parent in positions and child != parent:
            parts.append(_edge(positions[child], positions[parent], "subclass", None))
    for source, target, label in diagram.property_edges:
        if source in positions and target in positions and source != target:
            parts.append(_edge(positions[source], positions[target], "property", label[language]))
    for node in diagram.nodes:
        parts.append(_box(node, positions[node.iri], language, href(node.iri)))
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _edge(start: tuple[int, int], end: tuple[int, int], kind: str, label: str | None) -> str:
    x1, y1 = start[0] + BOX_WIDTH // 2, start[1]
    x2, y2 = end[0] + BOX_WIDTH // 2, end[1] + BOX_HEIGHT
    if start[1] <= end[1]:  # a property towards a class on the same row or below
        y1, y2 = start[1] + BOX_HEIGHT, end[1]
        if start[1] == end[1]:
            y1 = y2 = start[1] + BOX_HEIGHT // 2
            x1 = start[0] + (BOX_WIDTH if end[0] > start[0] else 0)
            x2 = end[0] + (0 if end[0] > start[0] else BOX_WIDTH)
    dash = ' stroke-dasharray="5,3"' if kind == "property" else ""
    line = (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#555"{dash} '
        f'marker-end="url(#diagram-{kind}-arrow)"/>'
    )
    if label is None:
        return line
    text = escape(_short(label))
    middle = ((x1 + x2) // 2, (y1 + y2) // 2 - 4)
    return (
        f'{line}<text x="{middle[0]}" y="{middle[1]}" font-size="11" text-anchor="middle" '
        f'fill="#333">{text}</text>'
    )


def _box(node: ClassNode, position: tuple[int, int], language: str, href: str | None) -> str:
    x, y = position
    fill = "#eee" if node.outside else "#e8f0fb"
    label = node.label[language]
    box = (
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="4" '
        f'fill="{fill}" stroke="#335"/>'
        f'<text x="{x + BOX_WIDTH // 2}" y="{y + BOX_HEIGHT // 2 + 5}" font-size="13" '
        f'text-anchor="middle">{escape(_short(label))}</text>'
    )
    titled = f"<g><title>{escape(label)} ({escape(node.iri)})</title>{box}</g>"
    if href is None:
        return titled
    return f'<a href="{escape(href)}">{titled}</a>'
