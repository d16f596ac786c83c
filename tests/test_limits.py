"""Rate limits per client IP and per write token: 429 in the JSON error shape with Retry-After."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from demoi import tokens

ASK = "/sparql?query=ASK%7B%7D"


@pytest.fixture
def tokens_path(tmp_path: Path) -> Path:
    return tmp_path / "secrets" / "tokens.json"


def limited(make_app: Callable[..., Flask], tokens_path: Path, **config: str) -> FlaskClient:
    config = {"RATE_LIMIT": "3/minute", "TOKEN_RATE_LIMIT": "5/minute", **config}
    return make_app(
        TESTING=True, BASE_URI="http://demoi.test/", TOKENS=str(tokens_path), **config
    ).test_client()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def statuses(client: FlaskClient, count: int, headers: dict[str, str] | None = None) -> list[int]:
    return [client.get(ASK, headers=headers or {}).status_code for _ in range(count)]


def test_the_request_over_the_ip_limit_gets_429_with_retry_after_in_the_error_shape(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    client = limited(make_app, tokens_path)
    answers = [client.get(ASK) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.headers["X-RateLimit-Remaining"] for answer in answers] == ["2", "1", "0"]
    assert all(answer.headers["X-RateLimit-Limit"] == "3" for answer in answers)
    assert all("Retry-After" not in answer.headers for answer in answers)

    fourth = client.get(ASK)
    assert fourth.status_code == 429
    assert fourth.mimetype == "application/json"
    error = fourth.json["error"]  # type: ignore[index]
    assert error["status"] == 429
    assert error["code"] == "too-many-requests"
    assert "127.0.0.1" in error["message"] and "3 per 1 minute" in error["message"]
    assert 1 <= int(fourth.headers["Retry-After"]) <= 60
    assert int(fourth.headers["X-RateLimit-Reset"]) > 0


def test_every_path_shares_one_budget_per_address(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    client = limited(make_app, tokens_path)
    assert [client.get(path).status_code for path in ("/", ASK, "/.well-known/void")] == [
        200,
        200,
        200,
    ]
    assert client.get("/sparql").status_code == 429


def test_a_token_is_counted_by_itself_not_by_the_address(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    _, other_secret = tokens.create(tokens_path, "7101")
    client = limited(make_app, tokens_path)
    assert statuses(client, 4) == [200, 200, 200, 429]  # the address has used its budget
    with_token = [client.get(ASK, headers=bearer(secret)) for _ in range(6)]
    assert [answer.status_code for answer in with_token] == [200] * 5 + [429]
    assert with_token[0].headers["X-RateLimit-Limit"] == "5"
    assert "token t-" in with_token[-1].json["error"]["message"]  # type: ignore[index]
    assert "Retry-After" in with_token[-1].headers
    assert statuses(client, 1, bearer(other_secret)) == [200]  # each token its own budget


def test_an_unknown_or_revoked_token_is_counted_by_the_address(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    token, secret = tokens.create(tokens_path, "4401")
    tokens.revoke(tokens_path, token.id)
    client = limited(make_app, tokens_path)
    assert statuses(client, 2, bearer("guessed")) == [200, 200]
    assert statuses(client, 2, bearer(secret)) == [200, 429]


def test_healthz_is_never_limited_nor_uses_the_budget(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    client = limited(make_app, tokens_path, RATE_LIMIT="1/minute")
    answers = [client.get("/healthz") for _ in range(10)]
    assert [answer.status_code for answer in answers] == [200] * 10
    assert all("X-RateLimit-Limit" not in answer.headers for answer in answers)
    assert statuses(client, 2) == [200, 429]
    assert client.get("/healthz").status_code == 200


def test_empty_settings_mean_no_limit(make_app: Callable[..., Flask], tokens_path: Path) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    client = limited(make_app, tokens_path, RATE_LIMIT="", TOKEN_RATE_LIMIT="")
    assert set(statuses(client, 20)) == {200}
    assert set(statuses(client, 20, bearer(secret))) == {200}
    assert "X-RateLimit-Limit" not in client.get(ASK).headers


def test_an_empty_token_limit_leaves_token_requests_unlimited_but_not_anonymous_ones(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    client = limited(make_app, tokens_path, TOKEN_RATE_LIMIT="")
    assert set(statuses(client, 10, bearer(secret))) == {200}
    assert statuses(client, 4) == [200, 200, 200, 429]


def test_each_app_counts_for_itself(make_app: Callable[..., Flask], tokens_path: Path) -> None:
    first = limited(make_app, tokens_path, RATE_LIMIT="1/minute")
    second = limited(make_app, tokens_path, RATE_LIMIT="1/minute")
    assert statuses(first, 2) == [200, 429]
    assert statuses(second, 1) == [200]


def test_the_limits_are_read_from_the_environment(
    make_app: Callable[..., Flask], tokens_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMOI_RATE_LIMIT", "2/minute")
    client = make_app(TESTING=True).test_client()
    assert statuses(client, 3) == [200, 200, 429]


def test_x_forwarded_for_does_not_choose_the_budget(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    # Any client can send X-Forwarded-For; trusted, it would give each request a fresh budget.
    client = limited(make_app, tokens_path)
    answers = [
        client.get(ASK, headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_each_client_address_has_its_own_budget(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    # With DEMOI_TRUSTED_PROXIES=1 the address the proxy appended is the client's; what a
    # client wrote before it is still ignored.
    client = limited(make_app, tokens_path, TRUSTED_PROXIES="1")
    answers = [
        client.get(ASK, headers={"X-Forwarded-For": f"6.6.6.6, 10.0.0.{n}"}).status_code
        for n in range(4)
    ]
    assert answers == [200, 200, 200, 200]
    same = [
        client.get(ASK, headers={"X-Forwarded-For": f"{n}.1.1.1, 10.0.0.9"}).status_code
        for n in range(4)
    ]
    assert same == [200, 200, 200, 429]


def test_writes_with_a_token_count_against_the_token(
    make_app: Callable[..., Flask], tokens_path: Path
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    client = limited(make_app, tokens_path, TOKEN_RATE_LIMIT="2/minute")
    update = (
        "INSERT DATA { GRAPH <http://demoi.test/graph/4401/notes> { <http://e/a> <http://e/p> 1 } }"
    )
    answers = [
        client.post(
            "/sparql",
            data=update.encode(),
            content_type="application/sparql-update",
            headers=bearer(secret),
        )
        for _ in range(3)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert statuses(client, 3) == [200, 200, 200]  # the address's own budget is untouched
