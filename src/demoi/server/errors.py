"""One JSON error shape for every error response (tests/test_error_shape.py holds it to that):

    {"error": {"status": 400, "code": "query-syntax-error", "message": "...", "spec": "..."}}

``spec`` (a link to the clause the check enforces) is present only when there is one, and
``details`` (a list of objects) only for errors about many places at once: the findings of the
personal-data guard (422), each ``{"kind", "label": {"el", "en"}, "where": {...}, "masked"}``.
500 is only for internal faults; their message never carries internals.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from demoi.conneg import NotAcceptable
from demoi.errors import Busy, DemoiError, QueryTimeout, ValidationTimeout
from demoi.privacy.gate import PersonalDataFound
from demoi.query_guard import OutboundRefused

log = logging.getLogger(__name__)


class Forbidden(DemoiError):
    code = "forbidden"


class UnsupportedMediaType(DemoiError):
    code = "unsupported-media-type"


#: Errors with a status other than 400 (a client error without its own status is a 400).
STATUS_OF: dict[type[DemoiError], int] = {
    Forbidden: 403,
    OutboundRefused: 400,
    NotAcceptable: 406,
    UnsupportedMediaType: 415,
    PersonalDataFound: 422,
    QueryTimeout: 503,
    ValidationTimeout: 503,
    Busy: 503,
}


def error_response(
    status: int,
    code: str,
    message: str,
    spec: str | None = None,
    details: list[dict[str, object]] | None = None,
) -> Response:
    body: dict[str, object] = {"status": status, "code": code, "message": message}
    if spec:
        body["spec"] = spec
    if details is not None:
        body["details"] = details
    response = jsonify({"error": body})
    response.status_code = status
    return response


def _status_of(error: DemoiError) -> int:
    for kind, status in STATUS_OF.items():
        if isinstance(error, kind):
            return status
    return 400


def init_app(app: Flask) -> None:
    @app.errorhandler(DemoiError)
    def demoi_error(error: DemoiError) -> Response:
        status = _status_of(error)
        message = error.message if error.location is None else f"{error.location}: {error.message}"
        details = error.details() if isinstance(error, PersonalDataFound) else None
        response = error_response(status, error.code, message, error.spec, details)
        if isinstance(error, NotAcceptable):
            response.headers["Vary"] = "Accept"
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        code = (error.name or "error").lower().replace(" ", "-")
        response = error_response(status, code, error.description or error.name)
        for name, value in error.get_headers():
            if name.lower() == "allow":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def internal_error(error: Exception) -> Response:
        log.exception("internal error")
        return error_response(500, "internal-error", "internal server error; see the server log")
