"""Checks every SPARQL text passes before pyoxigraph sees it.

1. Nesting. pyoxigraph's SPARQL parser is recursive and crashes the whole process (a
   segmentation fault, not an exception) on a few thousand nested brackets, triple terms
   (``<< … >>``) or chained unary operators (``!!!!…``, ``^^^^…``), so a text nested deeper than
   MAX_NESTING is refused first.

2. No outbound fetches unless allow-listed (``DEMOI_ALLOWED_HOSTS``). pyoxigraph evaluates
   ``SERVICE`` and ``LOAD`` by fetching over HTTP, so every target they name must be an IRI on an
   allowed host.

Both checks read the text with the lexical rules Oxigraph applies (``\\u`` escapes count only
inside strings and IRIs), because a check that reads the query differently from the engine that
runs it can be fooled (a string that ends in one reading and not in the other hides a SERVICE).
To fail closed, the outbound check also reads the text with every ``\\u`` escape decoded first, as
the SPARQL grammar allows, and refuses a target found in either reading. This is hand-written
rather than a SPARQL parser's job for that reason: no Python SPARQL parser agrees with Oxigraph's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from demoi.errors import DemoiError, Location, QuerySyntaxError

SPEC = "https://www.w3.org/TR/sparql11-federated-query/#security"
MAX_NESTING = 200

_LEXER = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    # A string that is never closed runs to the end of its line (of the text, if long) as one
    # token, as the parser would reject it anyway: read again from each of its quotes, a line
    # of 40 KB of \" took 15 s (found in review).
    r"""|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*+(?:''')?|\"\"\"(?:[^"\\]|\\.|"(?!""))*+(?:\"\"\")?"""
    r"""|'(?:[^'\\\n\r]|\\.)*+'?|"(?:[^"\\\n\r]|\\.)*+"?)"""
    r"""|(?P<comment>\#[^\n\r]*)"""
    r"""|(?P<open><<\(?|[{(\[])"""
    r"""|(?P<close>\)?>>|[})\]])"""
    r"""|(?P<var>[?$]\w+)"""
    # A local name may hold escapes (PN_LOCAL_ESC, ``e:a\#b``): read as a comment, the ``#``
    # would hide the rest of the line from both checks.
    # Only where a name can start (not inside a run like a.a.a, or the run is read again
    # from each of its letters: 40 KB of "a." took 13 s, found in review).
    r"""|(?P<pname>(?<![\w.\-])(?:[A-Za-z][\w.\-]*)?:(?:[\w\-:%]|\\[_~.\-!$&'()*+,;=/?#@%]"""
    r"""|\.(?=[\w\-:%\\]))*)"""
    r"""|(?P<word>\w+)"""
    r"""|(?P<unary>[!^+\-])"""
    r"""|(?P<other>\S)""",
    re.S,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text that matter to these checks (white space dropped)."""
    for match in _LEXER.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield Token(kind, match.group(), match.start())


def nesting_depth(text: str) -> tuple[int, int]:
    """How deep the parser must recurse for ``text``, and the offset where it is deepest:
    open brackets and triple terms, plus the run of unary operators at that point."""
    depth = deepest = where = run = 0
    for token in tokens(text):
        if token.kind == "unary":
            run += 1
        else:
            run = 0
            if token.kind == "open":
                depth += 1
            elif token.kind == "close":
                depth = max(depth - 1, 0)
        if depth + run > deepest:
            deepest, where = depth + run, token.start
    return deepest, where


def check_nesting(text: str) -> None:
    deepest, where = nesting_depth(text)
    if deepest > MAX_NESTING:
        line = text.count("\n", 0, where) + 1
        column = where - (text.rfind("\n", 0, where) + 1) + 1
        raise QuerySyntaxError(
            f"brackets, triple terms or unary operators are nested {deepest} deep; "
            f"demoi accepts at most {MAX_NESTING}",
            location=Location(None, line, column),
        )


class OutboundRefused(DemoiError):
    code = "outbound-refused"


#: Words between a keyword and its target: LOAD SILENT <x>, SERVICE SILENT <x>, FROM NAMED <x>.
_MODIFIERS = frozenset({"SILENT", "NAMED"})


def remote_targets(text: str, keywords: frozenset[str]) -> Iterator[tuple[str, str | None]]:
    """Each keyword of ``keywords`` (SERVICE, LOAD, FROM) with the IRI it names; None for a
    target that cannot be known before running (a variable) or read (anything else)."""
    prefixes: dict[str, str] = {}
    stream = list(tokens(text))
    for index, token in enumerate(stream):
        upper = token.text.upper()
        if token.kind == "word" and upper == "PREFIX" and index + 2 < len(stream):
            name, iri = stream[index + 1], stream[index + 2]
            if name.kind == "pname" and iri.kind == "iri":
                prefixes[name.text[:-1] if name.text.endswith(":") else name.text] = iri.text[1:-1]
        if token.kind != "word" or upper not in keywords:
            continue
        following = stream[index + 1 : index + 3]
        if following and following[0].kind == "word" and following[0].text.upper() in _MODIFIERS:
            following = following[1:]
        target = following[0] if following else None
        if target is not None and target.kind == "iri":
            yield upper, target.text[1:-1]
        elif target is not None and target.kind == "pname":
            prefix, _, local = target.text.partition(":")
            yield upper, prefixes[prefix] + local if prefix in prefixes else None
        else:
            yield upper, None


def _decode_codepoints(text: str) -> str:
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _nothing_is_local(_iri: str) -> bool:
    return False


#: The keywords that only choose graphs: their targets may name graphs of the store.
_GRAPH_CHOOSERS = frozenset({"FROM"})


def check_outbound(
    text: str,
    allowed_hosts: Iterable[str],
    keywords: frozenset[str],
    is_local_graph: Callable[[str], bool] = _nothing_is_local,
) -> None:
    """Refuse a target of ``keywords`` on a host not in ``allowed_hosts``; a FROM target may
    also be a graph ``is_local_graph`` knows. One pass over each reading of the text."""
    allowed = {host.lower() for host in allowed_hosts}
    for reading in {text, _decode_codepoints(text)}:
        for keyword, target in remote_targets(reading, keywords):
            if target is None:
                raise OutboundRefused(
                    f"{keyword} with a target that is not a plain IRI (a variable, say) is not "
                    "allowed",
                    spec=SPEC,
                )
            if keyword in _GRAPH_CHOOSERS:
                _check_graph(_decode_codepoints(target), allowed, is_local_graph)
                continue
            host = (urlsplit(_decode_codepoints(target)).hostname or "").lower()
            if host not in allowed:
                raise OutboundRefused(
                    f"<{target}> would be fetched from {host or 'an unknown host'}, which is not "
                    "in DEMOI_ALLOWED_HOSTS",
                    spec=SPEC,
                )


def _check_graph(graph: str, allowed: set[str], is_local_graph: Callable[[str], bool]) -> None:
    host = (urlsplit(graph).hostname or "").lower()
    if host not in allowed and not is_local_graph(graph):
        raise OutboundRefused(
            f"<{graph}> is not a graph of this store and {host or 'its host'} is not in "
            "DEMOI_ALLOWED_HOSTS: demoi does not fetch graphs from the web",
            spec=SPEC,
        )


def check_query(
    query: str,
    allowed_hosts: Iterable[str] = (),
    is_local_graph: Callable[[str], bool] = _nothing_is_local,
) -> None:
    """Raise QuerySyntaxError when ``query`` nests too deep, OutboundRefused when a SERVICE
    clause would fetch from a host not in ``allowed_hosts``, or when FROM / FROM NAMED name a
    graph on such a host that ``is_local_graph`` does not know. Oxigraph never fetches a FROM
    graph (it picks graphs of the store), but another SPARQL engine behind demoi may, and a
    FROM naming a web document would otherwise silently query an empty graph; a clear refusal
    serves the user better."""
    check_nesting(query)
    check_outbound(query, allowed_hosts, frozenset({"SERVICE", "FROM"}), is_local_graph)


def check_dataset_graphs(
    graphs: Iterable[str],
    allowed_hosts: Iterable[str] = (),
    is_local_graph: Callable[[str], bool] = _nothing_is_local,
) -> None:
    """The protocol's ``default-graph-uri`` / ``named-graph-uri`` choose graphs as FROM and
    FROM NAMED do, so they follow the same rule."""
    allowed = {host.lower() for host in allowed_hosts}
    for graph in graphs:
        _check_graph(graph, allowed, is_local_graph)


def check_update(update: str, allowed_hosts: Iterable[str] = ()) -> None:
    """As check_query, for an update: LOAD fetches too, and so does a SERVICE in a WHERE."""
    check_nesting(update)
    check_outbound(update, allowed_hosts, frozenset({"SERVICE", "LOAD"}))


def has_dataset_clause(query: str) -> bool:
    """Whether ``query`` chooses its own dataset with FROM or FROM NAMED; such a query must not
    be given the union default graph."""
    return any(token.kind == "word" and token.text.upper() == "FROM" for token in tokens(query))
