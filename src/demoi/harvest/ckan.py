"""A client of the CKAN action API (``/api/3/action/…``): ``package_search`` page by page and
``package_show``, with the errors a portal gives turned into demoi's errors.

Written on the standard library's ``urllib``: two GET calls returning JSON need no HTTP client
dependency, and the retry rule (only 429 and 503, bounded, honouring ``Retry-After``) is a few
lines that a general retry library would need as much configuration for.

Paging follows CKAN's documentation: ``rows`` and ``start``, a stable sort (``id asc``: the
default sort, by score and time of change, moves datasets edited during a harvest between
pages), duplicates dropped by id, the end at ``start >= count`` or at an empty page. A page
shorter than ``rows`` before the end is noted and the next page starts after it; so is a
``count`` that changes between pages.

Bounds, so that a portal that misbehaves cannot make the harvest run or grow without end: at
most ``max_datasets`` packages, at most ``max_bytes`` per answer, at most ``MAX_DEPTH`` levels of
JSON nesting, no more than ``growth_allowed`` packages beyond the ``count`` of the first page,
and no redirect to another origin (records would then name a portal the operator did not give).
"""

from __future__ import annotations

import email.utils
import http.client
import json
import re
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from demoi import __version__
from demoi.errors import DataError, Location, UsageError
from demoi.iris import iri_problem

#: CKAN's default ``ckan.search.rows_max``; a portal refuses more with a Validation Error.
ROWS_MAX = 1000
DEFAULT_ROWS = 100
#: Sorting by id keeps pages stable while datasets are edited (see the module's docstring).
SORT = "id asc"
RETRIED_STATUSES = frozenset({429, 503})
#: The largest answer read (bytes): CKAN pages of 1000 full packages are a few MB.
MAX_BYTES = 50 * 1024 * 1024
#: The most packages one harvest reads (``--max-datasets``).
MAX_DATASETS = 10_000
#: CKAN's JSON nests a few levels (envelope, result, package, resource, extra); deeper is not
#: CKAN's, and Python's parser would recurse without bound on it.
MAX_DEPTH = 64
#: Envelope error types that mean the request named something wrong or not allowed (exit 2);
#: any other failure of the portal is a data error (exit 1).
USAGE_ERROR_TYPES = frozenset(
    {"Not Found Error", "Validation Error", "Authorization Error", "Search Query Error"}
)


@dataclass(frozen=True)
class Note:
    """Something the harvest met and went on past, for the summary; ``kind`` picks the
    message (``command.NOTES``), ``detail`` fills it."""

    kind: str
    detail: str
    package: str = ""


@dataclass(frozen=True)
class Retry:
    """How often and how long to wait on 429/503 and time-outs; tests make the waits small."""

    attempts: int = 3
    #: The longest wait, whatever ``Retry-After`` asks for.
    longest: float = 30.0
    #: The wait when the portal does not say.
    default: float = 1.0
    sleep: Callable[[float], None] = time.sleep


@dataclass
class Found:
    """The packages of a search, each once, in the portal's order, and what paging met."""

    packages: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    count: int = 0


class Client:
    def __init__(
        self,
        portal: str,
        *,
        timeout: float = 30.0,
        retry: Retry | None = None,
        max_bytes: int = MAX_BYTES,
        max_datasets: int = MAX_DATASETS,
    ) -> None:
        self.portal = portal_url(portal)
        self.timeout = timeout
        self.retry = retry or Retry()
        self.max_bytes = max_bytes
        self.max_datasets = max_datasets
        self._opener = urllib.request.build_opener(_SameOrigin(self.portal))

    def action(self, name: str, **params: str | int) -> Any:
        """The ``result`` of the action ``name``; every failure names the URL."""
        url = f"{self.portal}/api/3/action/{name}"
        if params:
            url += "?" + urlencode(params)
        status, headers, body = self._get(url)
        return _result(url, status, headers.get("Content-Type", ""), body)

    def _read(self, url: str, response: Any) -> bytes:
        body: bytes = response.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise DataError(
                f"the portal's answer is larger than {self.max_bytes} bytes, the most demoi "
                "reads of one answer; nothing was harvested",
                location=Location(url),
            )
        return body

    def package_show(self, package: str) -> dict[str, Any]:
        result = self.action("package_show", id=package)
        if not isinstance(result, dict) or not isinstance(result.get("id"), str):
            raise DataError(
                "package_show did not answer with a package (an object with an id)",
                location=Location(
                    f"{self.portal}/api/3/action/package_show?{urlencode({'id': package})}"
                ),
            )
        return result

    def search(self, *, rows: int = DEFAULT_ROWS, organization: str | None = None) -> Found:
        if not 1 <= rows <= ROWS_MAX:
            raise UsageError(f"--rows must be between 1 and {ROWS_MAX} (CKAN's rows_max)")
        found = Found()
        seen: set[str] = set()
        start = 0
        count: int | None = None
        first: int | None = None
        while True:
            params: dict[str, str | int] = {"q": "*:*", "rows": rows, "start": start, "sort": SORT}
            if organization:
                params["fq"] = f"organization:{organization}"
            url = f"{self.portal}/api/3/action/package_search?{urlencode(params)}"
            page_count, results = _page(url, self.action("package_search", **params))
            if count is not None and page_count != count:
                found.notes.append(Note("count-changed", f"{count} → {page_count}"))
            count = page_count
            first = page_count if first is None else first
            self._check_bounds(url, start, page_count, first, rows)
            if not results:
                if start < count:
                    found.notes.append(Note("empty-page", f"start={start}, count={count}"))
                break
            for package in results:
                self._add(found, seen, package)
            start += len(results)
            if start >= count:
                break
            if len(results) < rows:
                found.notes.append(
                    Note("short-page", f"{len(results)} < rows={rows}, start={start}")
                )
        found.count = count
        return found

    def _check_bounds(self, url: str, start: int, count: int, first: int, rows: int) -> None:
        if start >= self.max_datasets or (start == 0 and count > self.max_datasets):
            raise UsageError(
                f"the portal has {count} datasets, more than --max-datasets {self.max_datasets}; "
                "harvest one organisation's (--organization) or raise --max-datasets; "
                "nothing was harvested",
                location=Location(url),
            )
        if start > first + growth_allowed(first, rows):
            raise DataError(
                f"the portal's count keeps growing: the first page announced {first} datasets, "
                f"{start} have been read and it now says {count}; nothing was harvested",
                location=Location(url),
            )

    def _add(self, found: Found, seen: set[str], package: dict[str, Any]) -> None:
        identifier = package["id"]
        if identifier in seen:
            found.notes.append(Note("duplicate", identifier, identifier))
            return
        seen.add(identifier)
        if not isinstance(package.get("resources"), list):
            # Some portals trim search results; package_show has the whole package.
            package = self.package_show(identifier)
        found.packages.append(package)

    def _get(self, url: str) -> tuple[int, Any, bytes]:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": f"demoi/{__version__}"}
        )
        attempt = 0
        while True:
            attempt += 1
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.status, response.headers, self._read(url, response)
            except urllib.error.HTTPError as error:
                body = self._read(url, error)
                if error.code not in RETRIED_STATUSES or attempt >= self.retry.attempts:
                    return error.code, error.headers, body
                self.retry.sleep(self._wait(error.headers.get("Retry-After")))
            except (TimeoutError, urllib.error.URLError) as error:
                timed_out = isinstance(error, TimeoutError) or isinstance(
                    getattr(error, "reason", None), TimeoutError
                )
                if not timed_out:
                    raise UsageError(
                        f"cannot reach the portal: {getattr(error, 'reason', error)}",
                        location=Location(url),
                    ) from None
                if attempt >= self.retry.attempts:
                    raise DataError(
                        f"the portal did not answer within {self.timeout:g} s, "
                        f"{attempt} time(s): {error}",
                        location=Location(url),
                    ) from None
                self.retry.sleep(self.retry.default)
            except (http.client.HTTPException, ConnectionError) as error:
                raise DataError(
                    f"the portal's answer broke off: {type(error).__name__} {error}",
                    location=Location(url),
                ) from None

    def _wait(self, retry_after: str | None) -> float:
        return min(_retry_after_seconds(retry_after, self.retry.default), self.retry.longest)


def growth_allowed(first: int, rows: int) -> int:
    """How many packages beyond the first page's ``count`` a harvest reads: datasets added
    while it runs (a page, or a tenth of the portal), not a count that grows without end."""
    return max(rows, first // 10)


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only within the portal's scheme, host and port (http → https on the
    same host is another origin too: the operator gives the address the records name)."""

    def __init__(self, portal: str) -> None:
        self.origin = origin(portal)

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = urllib.parse.urljoin(req.full_url, newurl)
        if origin(target) != self.origin:
            fp.close()  # urllib closes the answer only when it follows the redirect
            raise UsageError(
                f"the portal {self.origin} redirects (HTTP {code}) to another origin, "
                f"{printable(origin(target))}; give that address if it is the portal",
                location=Location(printable(req.full_url)),
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def origin(url: str) -> str:
    """scheme://host:port, the port written out even when it is the scheme's default."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    port = port or {"http": 80, "https": 443}.get(parts.scheme)
    return f"{parts.scheme}://{parts.hostname or ''}:{port}"


def printable(text: str) -> str:
    """``text`` with every control, format or unassigned character (Unicode category C*)
    written as an escape, so that a portal's text cannot drive the terminal (ANSI escapes)
    or hide itself; line breaks too, as one message is one line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch).startswith("C")
        else ch
        for ch in text
    )


def portal_url(text: str) -> str:
    """The portal's address without a trailing slash; only http(s) addresses are portals."""
    shown = printable(text)
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{shown!r} is not a portal address such as https://data.example.gr")
    if parts.query or parts.fragment:
        raise UsageError(f"{shown!r}: give the portal's address without ?query or #fragment")
    address = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    problem = iri_problem(address)
    if problem:
        raise UsageError(f"{shown!r} is not a portal address: {problem}")
    return address


def host_slug(portal: str) -> str:
    """opendata.thessaloniki.gr → opendata-thessaloniki-gr: a segment for a dataset id."""
    parts = urlsplit(portal_url(portal))
    return re.sub(r"[^a-z0-9]+", "-", (parts.netloc + parts.path).lower()).strip("-")


def _retry_after_seconds(value: str | None, default: float) -> float:
    """``Retry-After`` is seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return default
    # ASCII digits only: str.isdigit() accepts «²», which float() refuses.
    if re.fullmatch(r"[0-9]+", value.strip()):
        return float(value.strip())
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _result(url: str, status: int, content_type: str, body: bytes) -> Any:
    where = Location(url)
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        shown = f" «{printable(' '.join(title.group(1).split()))}»" if title else ""
        raise DataError(
            f"the portal answered HTTP {status} with a web page{shown} instead of CKAN's JSON "
            "(a maintenance page or not a CKAN portal); nothing was harvested",
            location=where,
        )
    try:
        envelope = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"the portal's answer (HTTP {status}) is not complete JSON: {error.msg} "
            f"(character {error.pos} of {len(text)}); nothing was harvested",
            location=Location(url, error.lineno, error.colno),
        ) from None
    except RecursionError:
        too_deep = True  # nested deeper than the parser goes
    else:
        too_deep = _depth(envelope) > MAX_DEPTH
    if too_deep:
        raise DataError(
            f"the portal's answer (HTTP {status}) nests JSON more than {MAX_DEPTH} levels deep, "
            "which no CKAN answer does; nothing was harvested",
            location=where,
        )
    if not isinstance(envelope, dict) or "success" not in envelope:
        raise DataError(
            f"the portal's answer (HTTP {status}) is JSON but not CKAN's envelope "
            "({'success': …, 'result': …})",
            location=where,
        )
    if envelope["success"] is not True:
        raise _envelope_error(envelope.get("error"), status, where)
    if status != 200:
        raise DataError(f"the portal answered HTTP {status}", location=where)
    return envelope.get("result")


def _envelope_error(error: Any, status: int, where: Location) -> DataError | UsageError:
    error = error if isinstance(error, dict) else {}
    kind = str(error.get("__type", "error"))
    message = error.get("message")
    details = "; ".join(
        f"{key}: {' '.join(map(str, value)) if isinstance(value, list) else value}"
        for key, value in error.items()
        if key not in ("__type", "message")
    )
    text = f"the portal refused the request (HTTP {status}, {printable(kind)})"
    text += "".join(f": {printable(str(part))}" for part in (message, details) if part)
    cls = UsageError if kind in USAGE_ERROR_TYPES else DataError
    return cls(text, location=where)


def _depth(value: Any) -> int:
    """How deeply ``value`` nests lists and objects; iterative, as the depth is what is
    being checked."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((child, level + 1) for child in item)
    return deepest


def _page(url: str, result: Any) -> tuple[int, list[dict[str, Any]]]:
    """``count`` and ``results`` of a package_search result, checked."""
    if not isinstance(result, dict):
        raise DataError("package_search's result is not an object", location=Location(url))
    count = result.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise DataError(
            "package_search's result has no count", location=Location(url, field="result.count")
        )
    results = result.get("results")
    if not isinstance(results, list):
        raise DataError(
            "package_search's result has no results list",
            location=Location(url, field="result.results"),
        )
    for index, package in enumerate(results):
        if not isinstance(package, dict) or not isinstance(package.get("id"), str):
            raise DataError(
                "a package without an id", location=Location(url, field=f"result.results[{index}]")
            )
    return count, results
