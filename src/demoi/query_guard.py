"""Checks every SPARQL text passes before pyoxigraph sees it.

1. Nesting depth. pyoxigraph's SPARQL parser is recursive and crashes the whole process (a
   segmentation fault, not an exception) on a few thousand nested brackets, so a query nested
   deeper than MAX_NESTING is refused with a 400 first.

2. No outbound fetches unless allow-listed (``DEMOI_ALLOWED_HOSTS``).

pyoxigraph evaluates ``SERVICE`` (and ``LOAD``) by fetching over HTTP, so every query is checked
before it runs. A query whose text never mentions "service" cannot hold a SERVICE clause and
passes at once; any other is parsed with rdflib's SPARQL parser and every SERVICE target must
be an IRI on an allowed host. A query rdflib cannot parse is refused rather than run unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from demoi.errors import DemoiError, Location, QuerySyntaxError

SPEC = "https://www.w3.org/TR/sparql11-federated-query/#security"
MAX_NESTING = 200

# Tokens that may hold brackets without nesting anything (IRIs, strings, comments), and brackets.
_TOKENS = re.compile(
    r"""<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n]|\\.)*'"""
    r'''|"(?:[^"\\\n]|\\.)*"'''
    r"""|\#[^\n]*"""
    r"""|[{(\[]|[})\]]""",
    re.S,
)


def nesting_depth(text: str) -> tuple[int, int]:
    """The deepest bracket nesting of ``text`` and the offset where it is reached."""
    depth = deepest = where = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in ("{", "(", "["):
            depth += 1
            if depth > deepest:
                deepest, where = depth, match.start()
        elif token in ("}", ")", "]"):
            depth = max(depth - 1, 0)
    return deepest, where


def check_nesting(text: str) -> None:
    deepest, where = nesting_depth(text)
    if deepest > MAX_NESTING:
        line = text.count("\n", 0, where) + 1
        column = where - (text.rfind("\n", 0, where) + 1) + 1
        raise QuerySyntaxError(
            f"brackets are nested {deepest} deep; demoi accepts at most {MAX_NESTING}",
            location=Location(None, line, column),
        )


_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.IGNORECASE)


def has_dataset_clause(query: str) -> bool:
    """Whether ``query`` chooses its own dataset with FROM or FROM NAMED (outside strings,
    IRIs and comments); such a query must not be given the union default graph."""
    bare = _TOKENS.sub(lambda match: match.group() if len(match.group()) == 1 else " ", query)
    return _FROM.search(bare) is not None


class OutboundRefused(DemoiError):
    code = "outbound-refused"


def _service_targets(node: object, found: list[object]) -> list[object]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            found.append(node.get("term"))
        for value in node.values():
            _service_targets(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _service_targets(value, found)
    return found


def check_query(query: str, allowed_hosts: Iterable[str] = ()) -> None:
    """Raise QuerySyntaxError when ``query`` nests too deep, OutboundRefused when it would
    fetch from a host not in ``allowed_hosts``."""
    check_nesting(query)
    if "service" not in query.lower():
        return
    from pyparsing import ParseException
    from rdflib import URIRef
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(query).algebra
    except (ParseException, Exception) as error:  # rdflib raises several kinds on odd input
        raise OutboundRefused(
            f"the query mentions SERVICE and could not be checked for remote access ({error})",
            spec=SPEC,
        ) from None
    allowed = {host.lower() for host in allowed_hosts}
    for target in _service_targets(algebra, []):
        if not isinstance(target, URIRef):
            raise OutboundRefused("SERVICE with a variable endpoint is not allowed", spec=SPEC)
        host = (urlsplit(str(target)).hostname or "").lower()
        if host not in allowed:
            raise OutboundRefused(
                f"SERVICE <{target}> would fetch from {host or 'an unknown host'}, which is not in "
                "DEMOI_ALLOWED_HOSTS",
                spec=SPEC,
            )
