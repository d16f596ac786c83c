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
"""

from __future__ import annotations

import email.utils
import http.client
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from demoi import __version__
from demoi.errors import DataError, Location, UsageError

#: CKAN's default ``ckan.search.rows_max``; a portal refuses more with a Validation Error.
ROWS_MAX = 1000
DEFAULT_ROWS = 100
#: Sorting by id keeps pages stable while datasets are edited (see the module's docstring).
SORT = "id asc"
RETRIED_STATUSES = frozenset({429, 503})
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
    def __init__(self, portal: str, *, timeout: float = 30.0, retry: Retry | None = None) -> None:
        self.portal = portal_url(portal)
        self.timeout = timeout
        self.retry = retry or Retry()

    def action(self, name: str, **params: str | int) -> Any:
        """The ``result`` of the action ``name``; every failure names the URL."""
        url = f"{self.portal}/api/3/action/{name}"
        if params:
            url += "?" + urlencode(params)
        status, headers, body = self._get(url)
        return _result(url, status, headers.get("Content-Type", ""), body)

    def package_show(self, package: str) -> dict[str, Any]:
        result = self.action("package_show", id=package)
        if not isinstance(result, dict) or not isinstance(result.get("id"), str):
            raise DataError(
                "package_show did not answer with a package (an object with an id)",
                location=Location(f"{self.portal}/api/3/action/package_show?id={package}"),
            )
        return result

    def search(self, *, rows: int = DEFAULT_ROWS, organization: str | None = None) -> Found:
        if not 1 <= rows <= ROWS_MAX:
            raise UsageError(f"--rows must be between 1 and {ROWS_MAX} (CKAN's rows_max)")
        found = Found()
        seen: set[str] = set()
        start = 0
        count: int | None = None
        while True:
            params: dict[str, str | int] = {"q": "*:*", "rows": rows, "start": start, "sort": SORT}
            if organization:
                params["fq"] = f"organization:{organization}"
            url = f"{self.portal}/api/3/action/package_search?{urlencode(params)}"
            page_count, results = _page(url, self.action("package_search", **params))
            if count is not None and page_count != count:
                found.notes.append(Note("count-changed", f"{count} → {page_count}"))
            count = page_count
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
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.status, response.headers, response.read()
            except urllib.error.HTTPError as error:
                body = error.read()
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


def portal_url(text: str) -> str:
    """The portal's address without a trailing slash; only http(s) addresses are portals."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{text!r} is not a portal address such as https://data.example.gr")
    if parts.query or parts.fragment:
        raise UsageError(f"{text!r}: give the portal's address without ?query or #fragment")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def host_slug(portal: str) -> str:
    """opendata.thessaloniki.gr → opendata-thessaloniki-gr: a segment for a dataset id."""
    parts = urlsplit(portal_url(portal))
    return re.sub(r"[^a-z0-9]+", "-", (parts.netloc + parts.path).lower()).strip("-")


def _retry_after_seconds(value: str | None, default: float) -> float:
    """``Retry-After`` is seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return default
    if value.strip().isdigit():
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
        shown = f" «{' '.join(title.group(1).split())}»" if title else ""
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
    text = f"the portal refused the request (HTTP {status}, {kind})"
    text += "".join(f": {part}" for part in (message, details) if part)
    cls = UsageError if kind in USAGE_ERROR_TYPES else DataError
    return cls(text, location=where)


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
