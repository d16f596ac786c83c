"""Headers on every response: CORS for the read-only data endpoints, and security headers.

The data endpoints are public and read-only, so any origin may read them
(``Access-Control-Allow-Origin: *``). ``Authorization`` is deliberately not among the allowed
request headers: a page on another origin cannot send a write token through a visitor's browser.
"""

from __future__ import annotations

from flask import Flask, Response, request

#: The paths a browser on any origin may read, and the methods that read them.
READ_METHODS = {
    "/sparql": ("GET", "HEAD", "POST"),  # a query sent by POST is still a read
    "/graph-store": ("GET", "HEAD"),
    "/.well-known/void": ("GET", "HEAD"),
    # Validation writes nothing and needs no token, so a portal on another origin may call it.
    "/api/validate": ("POST",),
}
ALLOWED_REQUEST_HEADERS = "Accept, Content-Type"
#: What a page on another origin may read of a response: truncation, cache and rate-limit news.
EXPOSED_HEADERS = (
    "X-Demoi-Truncated, X-Demoi-Cache, X-Demoi-Engine, Retry-After, "
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
)
PREFLIGHT_MAX_AGE = "86400"

#: The pages load nothing from elsewhere: scripts and stylesheets come from this server only.
#: style-src allows inline styles because the query editor (YASGUI) sets them on its elements
#: (styles cannot run code); scripts never run inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def _add_cors(response: Response) -> None:
    methods = READ_METHODS.get(request.path)
    if methods is None:
        return
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    elif request.method in methods:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS


def add_headers(response: Response) -> Response:
    _add_cors(response)
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
