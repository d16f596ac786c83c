"""Rate limits per client IP address and per write token (flask-limiter, in memory).

* ``rate_limit`` counts the requests of each client IP address across the whole server (one
  shared budget, not one per page); ``token_rate_limit`` counts the requests that carry a valid
  write token, by token, *instead of* the IP limit. A request with an unknown or revoked token
  is counted by its IP address, so guessing tokens does not buy a fresh budget.
* Empty settings switch the limits off. ``/healthz`` is never limited: a load balancer probing
  it must not be turned away, nor use up the budget of its address.
* Over the limit: 429 in the JSON error shape with ``Retry-After`` (seconds); every limited
  response carries ``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset``.
* The counts live in the memory of the server process: waitress's threads share them, and they
  start again from zero when the server restarts.
* The client address is the TCP peer's. ``X-Forwarded-For`` is not read: any client can send it,
  so trusting it without a setting naming the proxy would let everyone pick their own budget.
  Behind a reverse proxy every client shares the proxy's address (docs/serving.md says what to
  do: limit at the proxy, or switch the IP limit off).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response, current_app, g, request
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded

from demoi import tokens
from demoi.errors import DemoiError
from demoi.server import app_settings, health
from demoi.server.errors import error_response

LIMITER_EXTENSION = "demoi.limiter"
#: The status code of an answer over the limit and its code in the JSON error shape.
TOO_MANY_REQUESTS = 429
TOO_MANY_REQUESTS_CODE = "too-many-requests"
_NO_TOKEN = ""


def _token_id() -> str:
    """The id of the valid write token the request carries, or "" (looked up once a request)."""
    if "demoi_rate_token" not in g:
        g.demoi_rate_token = _verified_token_id()
    token_id: str = g.demoi_rate_token
    return token_id


def _verified_token_id() -> str:
    tokens_setting = app_settings(current_app)["tokens"]
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if not tokens_setting or scheme.lower() != "bearer" or not secret.strip():
        return _NO_TOKEN
    try:
        token = tokens.verify(Path(tokens_setting), secret.strip())
    except DemoiError:
        # A broken tokens file: the endpoint that needs the token reports it; here the
        # request is simply counted by its address.
        return _NO_TOKEN
    return token.id if token is not None else _NO_TOKEN


def _client_address() -> str:
    return request.remote_addr or "unknown"


def _token_key() -> str:
    return "token:" + _token_id()


def _has_token() -> bool:
    return bool(_token_id())


def _has_no_token() -> bool:
    return not _token_id()


def _limits(
    rate_limit: str, token_rate_limit: str
) -> list[str | Callable[[], str] | ApplicationLimit]:
    limits: list[str | Callable[[], str] | ApplicationLimit] = []
    if rate_limit:
        limits.append(
            ApplicationLimit(
                rate_limit,
                key_function=_client_address,
                scope="ip",
                exempt_when=_has_token,
            )
        )
    if token_rate_limit:
        limits.append(
            ApplicationLimit(
                token_rate_limit,
                key_function=_token_key,
                scope="token",
                exempt_when=_has_no_token,
            )
        )
    return limits


def init_app(app: Flask) -> None:
    settings = app_settings(app)
    limits = _limits(settings["rate_limit"], settings["token_rate_limit"])
    if not limits:
        return
    limiter = Limiter(
        _client_address,
        application_limits=limits,
        storage_uri="memory://",
        strategy="fixed-window",
        # flask-limiter would put Retry-After on every response, and replace the one a 503
        # sets with the end of the rate window; _add_headers writes them instead.
        headers_enabled=False,
    )
    limiter.init_app(app)
    limiter.exempt(health.bp)
    app.extensions[LIMITER_EXTENSION] = limiter

    @app.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded) -> Response:
        who = f"token {_token_id()}" if _has_token() else f"the address {_client_address()}"
        return error_response(
            TOO_MANY_REQUESTS,
            TOO_MANY_REQUESTS_CODE,
            f"too many requests from {who}: at most {error.limit.limit}; "
            "retry after the seconds in Retry-After",
        )

    @app.after_request
    def _add_headers(response: Response) -> Response:
        current = limiter.current_limit
        if current is None:
            return response
        reset_at = current.reset_at
        response.headers["X-RateLimit-Limit"] = str(current.limit.amount)
        response.headers["X-RateLimit-Remaining"] = str(current.remaining)
        response.headers["X-RateLimit-Reset"] = str(reset_at)
        if response.status_code == TOO_MANY_REQUESTS:
            response.headers["Retry-After"] = str(max(1, int(reset_at - time.time())))
        return response
