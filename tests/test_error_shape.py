"""Every JSON error response from demoi uses one shape:
{"error": {"status": <int>, "code": <str>, "message": <str>[, "spec": <url>]}}"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

REQUESTS = [
    ("GET", "/sparql?query=SELECT", {}, None, 400),
    ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%7D", {"Accept": "image/png"}, None, 406),
    ("POST", "/sparql", {"Content-Type": "text/plain"}, b"x", 415),
    ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"DROP ALL", 403),
    ("GET", "/sparql?update=DROP%20ALL", {}, None, 400),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}, None, 400),
    ("GET", "/no/such/page", {}, None, 404),
    ("DELETE", "/sparql", {}, None, 405),
]


@pytest.mark.parametrize(("method", "path", "headers", "body", "status"), REQUESTS)
def test_error_shape(
    client: FlaskClient,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes | None,
    status: int,
) -> None:
    answer = client.open(path, method=method, headers=headers, data=body)
    assert answer.status_code == status
    assert answer.mimetype == "application/json"
    document = answer.json
    assert isinstance(document, dict) and set(document) == {"error"}
    error = document["error"]
    assert set(error) - {"spec", "details"} == {"status", "code", "message"}
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if "spec" in error:
        assert error["spec"].startswith("https://")
    if "details" in error:
        assert isinstance(error["details"], list)
        assert all(isinstance(detail, dict) for detail in error["details"])


def test_internal_errors_are_500_and_say_nothing_of_the_internals(app: Flask) -> None:
    # A view of the app's own that fails the way a bug would; the app is fresh, so a rule may
    # still be added.
    def explode() -> str:
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/explode", view_func=explode)
    answer = app.test_client().get("/explode")
    assert answer.status_code == 500
    assert answer.json == {
        "error": {
            "status": 500,
            "code": "internal-error",
            "message": "internal server error; see the server log",
        }
    }
