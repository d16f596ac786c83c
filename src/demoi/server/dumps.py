"""Dataset dumps at /dump/<code>/<dataset>.<ext> and /dump/<code>/<dataset>/<period>.<ext>
(docs/serving.md, "Dumps"): the download distributions of the catalogue.

RDF dumps stream: pyoxigraph serialises to a file object, so it writes into a bounded pipe on
a thread of its own while the response reads from the other end; a client that stops reading
stops the serialiser. CSV is the answer of the dataset's table query (demoi.dumps), run in a
query worker without the public endpoint's row limit and within a time limit of its own
(``dump_timeout``), then written as the client reads.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import BinaryIO, cast

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import NotFound

from demoi import __version__, dumps
from demoi.iris import provenance_graph
from demoi.server import app_settings, app_store
from demoi.server.ld_page import PREFIXES
from demoi.server.ld_standards import standards_for
from demoi.store import Store

bp = Blueprint("dumps", __name__)

#: Bytes the serialiser may run ahead of a slow client, in pieces of pyoxigraph's writes.
PIPE_PIECES = 64
#: How long the serialiser waits for a client that has stopped reading before it gives up.
STALLED_CLIENT_SECONDS = 300.0
_END = b""


@bp.route("/dump/<code>/<dataset>.<ext>", methods=["GET"])
def dataset_dump(code: str, dataset: str, ext: str) -> Response:
    return _dump(code, dataset, None, ext)


@bp.route("/dump/<code>/<dataset>/<period>.<ext>", methods=["GET"])
def period_dump(code: str, dataset: str, period: str, ext: str) -> Response:
    return _dump(code, dataset, period, ext)


def _dump(code: str, dataset: str, period: str | None, ext: str) -> Response:
    fmt = dumps.DUMP_FORMATS.get(ext)
    if fmt is None:
        offered = ", ".join(f".{name}" for name in dumps.DUMP_FORMATS)
        raise NotFound(f"there is no dump format .{ext}; the dumps are {offered}")
    settings = app_settings(current_app)
    store = app_store(current_app)
    base = settings.base_uri
    graphs = dumps.dump_graphs(store, base, code, dataset, period)
    if not graphs:
        what = "/".join(filter(None, (code, dataset, period)))
        raise NotFound(f"there is no published dataset {what}")
    table = None
    if fmt.rdf_format is None:
        table = dumps.dataset_table_query(store, base, dataset, graphs)
        if table is None:
            raise NotFound(f"the dataset {dataset} is not a table, so it has no CSV dump")
    response = _conditional_response(store, base, graphs, fmt.media_type, ext)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{_file_name(code, dataset, period, ext)}"'
    )
    if table is None:
        # Werkzeug never reads the body of a 304 or of a HEAD, so the stream then never starts.
        prefixes = _turtle_prefixes(base) if ext == "ttl" else {}
        response.response = streamed(
            # The pipe has the part of BinaryIO that pyoxigraph uses: write and flush.
            lambda pipe: dumps.write_dump(
                store, graphs, ext, cast(BinaryIO, pipe), prefixes=prefixes
            )
        )
    elif response.status_code == 304 or request.method == "HEAD":
        response.response = iter(())  # not a list: no Content-Length of 0 for a HEAD
    else:
        # The query runs to its end here, before the response starts, so a timeout is a 503
        # error rather than a cut file; the rows are then written as the client reads them.
        # In a worker process: one that is killed past the limit, where the evaluation's
        # memory stays (an in-process query runs on past its limit, holding its memory).
        response.response = dumps.csv_dump(
            store, graphs, table=table, timeout=settings["dump_timeout"], in_worker=True
        )
    return response


def _conditional_response(
    store: Store, base: str, graphs: list[str], media_type: str, ext: str
) -> Response:
    """An empty response with the dump's validators, already 304 if the client's copy is
    current (If-None-Match, If-Modified-Since)."""
    modified, triples = _state(store, base, graphs)
    response = Response(content_type=_content_type(media_type))
    response.set_etag(_etag(graphs, modified, triples, ext))
    if modified is not None:
        response.last_modified = modified
    response.make_conditional(request)
    # make_conditional measured the still empty body; the dump's length is not known yet.
    response.headers.pop("Content-Length", None)
    return response


def _turtle_prefixes(base: str) -> dict[str, str]:
    return PREFIXES | standards_for(base).prefixes


def _content_type(media_type: str) -> str:
    # Not sparql.content_type_header, which labels N-Triples with a charset too: the dumps'
    # types are the ones the catalogue gives as dcat:mediaType.
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def _file_name(code: str, dataset: str, period: str | None, ext: str) -> str:
    return "-".join(filter(None, (code, dataset, period))) + f".{ext}"


def _state(store: Store, base: str, graphs: list[str]) -> tuple[datetime | None, int]:
    """The latest dcterms:modified of the graphs in the provenance graph, and their triples."""
    values = " ".join(f"<{graph}>" for graph in graphs)
    answer = store.query(
        "SELECT ?latest ?triples WHERE { "
        "{ SELECT (MAX(?modified) AS ?latest) WHERE { "
        f"VALUES ?graph {{ {values} }} GRAPH <{provenance_graph(base)}> {{ "
        "?graph <http://purl.org/dc/terms/modified> ?modified } } } "
        "{ SELECT (COUNT(*) AS ?triples) WHERE { "
        f"VALUES ?graph {{ {values} }} GRAPH ?graph {{ ?s ?p ?o }} }} }} }}"
    )
    latest, triples = answer.rows[0]
    assert isinstance(triples, ox.Literal)
    return _datetime(latest), int(triples.value)


def _datetime(term: object) -> datetime | None:
    if not isinstance(term, ox.Literal):
        return None
    try:
        return datetime.fromisoformat(term.value)
    except ValueError:
        return None


def _etag(graphs: list[str], modified: datetime | None, triples: int, ext: str) -> str:
    # Each publication sets its graph's dcterms:modified; a SPARQL update does not, so the
    # triple count is in too (counting is far cheaper than the dump). The release, because
    # another may write the same graphs otherwise (a new table query, another serialiser).
    stamp = modified.isoformat() if modified else "never"
    parts = [*graphs, stamp, str(triples), ext, __version__]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


class _ClientGone(OSError):
    pass


class _Pipe:
    """The writing end of a bounded queue that a response reads from; pyoxigraph's serialiser
    writes to any object with ``write``, and has no incremental API to pull bytes from."""

    def __init__(self) -> None:
        self.pieces: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=PIPE_PIECES)
        self.closed = threading.Event()

    def write(self, data: bytes) -> int:
        if data:
            self._put(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def _put(self, item: bytes | BaseException) -> None:
        waited = 0.0
        while not self.closed.is_set():
            try:
                self.pieces.put(item, timeout=1.0)
                return
            except queue.Full:
                waited += 1.0
                if waited >= STALLED_CLIENT_SECONDS:
                    break
        raise _ClientGone("the client stopped reading the dump")

    def finish(self, error: BaseException | None = None) -> None:
        try:
            self._put(_END if error is None else error)
        except _ClientGone:
            pass


def streamed(write: Callable[[_Pipe], None]) -> Iterator[bytes]:
    """The bytes ``write`` writes, as they come; the writing starts on the first read, so a
    response that is never sent (304, HEAD) starts nothing."""
    pipe = _Pipe()

    def run() -> None:
        try:
            write(pipe)
        except _ClientGone:
            return
        except BaseException as error:  # handed over to the reading side, which raises it
            pipe.finish(error)
            return
        pipe.finish()

    thread = threading.Thread(target=run, name="demoi-dump", daemon=True)
    thread.start()
    try:
        while True:
            piece = pipe.pieces.get()
            if isinstance(piece, BaseException):
                raise piece
            if piece == _END:
                return
            yield piece
    finally:
        pipe.closed.set()
