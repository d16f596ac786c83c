"""Write tokens: who may change which graphs through the SPARQL endpoint.

The tokens file (setting ``tokens``, ``DEMOI_TOKENS``) is JSON, written atomically with mode
0600::

    {"tokens": [{"id": "t-3f9a1c2b", "scope": "4401", "sha256": "…",
                 "created": "2026-11-22T20:49:00Z", "revoked": null}]}

``scope`` is an ELSTAT municipality code (the token writes only that municipality's graphs) or
``admin`` (any graph). The secret itself is never stored, only its SHA-256: a secret is 256
random bits from :func:`secrets.token_urlsafe`, so there is nothing to guess that a slow
password hash (scrypt, PBKDF2) would protect, while a fast hash keeps each request cheap.

Every write made with a token is appended to the audit log, ``<tokens file>.audit.jsonl``
beside it: one JSON object a line.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from demoi.errors import Location, UsageError

ADMIN = "admin"
_MUNICIPALITY = re.compile(r"^[0-9]{4}$")


@dataclass(frozen=True)
class Token:
    """A token as listed: everything but the secret."""

    id: str
    scope: str
    created: str
    revoked: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.scope == ADMIN


@dataclass(frozen=True)
class _Stored:
    token: Token
    sha256: str


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _check_scope(scope: str) -> None:
    if scope != ADMIN and not _MUNICIPALITY.match(scope):
        raise UsageError(
            f"a token's scope is a four-digit ELSTAT municipality code or 'admin', got {scope!r}"
        )


def _read(path: Path) -> list[_Stored]:
    if not path.exists():
        return []
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return [_entry(item) for item in document["tokens"]]
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            f"cannot read the tokens file: {error}", location=Location(str(path))
        ) from None
    except json.JSONDecodeError as error:
        raise UsageError(
            f"the tokens file is not JSON: {error.msg}",
            location=Location(str(path), error.lineno, error.colno),
        ) from None
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(
            f"the tokens file is not a demoi tokens file ({error})", location=Location(str(path))
        ) from None


def _entry(item: Mapping[str, Any]) -> _Stored:
    token = Token(str(item["id"]), str(item["scope"]), str(item["created"]), item.get("revoked"))
    _check_scope(token.scope)
    return _Stored(token, str(item["sha256"]))


def _write(path: Path, entries: list[_Stored]) -> None:
    """Replace the file atomically, never readable by others, not even for a moment."""
    document = {"tokens": [{**asdict(entry.token), "sha256": entry.sha256} for entry in entries]}
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            json.dump(document, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _changing(path: Path) -> Iterator[None]:
    """Two `demoi token` commands at once must not both read the old file and each drop the
    other's change: changes take turns on a lock file beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def create(path: Path, scope: str) -> tuple[Token, str]:
    """A new token for ``scope`` and its secret, which is not kept and cannot be shown again."""
    _check_scope(scope)
    with _changing(path):
        entries = _read(path)
        known = {entry.token.id for entry in entries}
        token_id = "t-" + secrets.token_hex(4)
        while token_id in known:
            token_id = "t-" + secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        token = Token(token_id, scope, _now())
        _write(path, [*entries, _Stored(token, _digest(secret))])
    return token, secret


def list_tokens(path: Path) -> list[Token]:
    return [entry.token for entry in _read(path)]


def revoke(path: Path, token_id: str) -> Token:
    """Revoke a token; revoking it again changes nothing."""
    with _changing(path):
        entries = _read(path)
        for index, entry in enumerate(entries):
            if entry.token.id == token_id:
                if entry.token.revoked is None:
                    revoked = Token(**{**asdict(entry.token), "revoked": _now()})
                    entries[index] = _Stored(revoked, entry.sha256)
                    _write(path, entries)
                return entries[index].token
    raise UsageError(f"no token with id {token_id!r} (see `demoi token list`)")


def verify(path: Path, secret: str) -> Token | None:
    """The live token whose secret this is, or None."""
    presented = _digest(secret)
    found: Token | None = None
    # Every entry is compared, in constant time, so timing tells nothing about which matched.
    for entry in _read(path):
        if hmac.compare_digest(presented, entry.sha256) and entry.token.revoked is None:
            found = entry.token
    return found


def audit_log_path(tokens_path: Path) -> Path:
    return tokens_path.with_name(tokens_path.name + ".audit.jsonl")


def append_audit(tokens_path: Path, record: Mapping[str, Any]) -> None:
    """Append one line to the audit log, created with mode 0600."""
    line = json.dumps({"time": _now(), **record}, ensure_ascii=False, sort_keys=True) + "\n"
    descriptor = os.open(audit_log_path(tokens_path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    # One write(2) in O_APPEND mode: concurrent writers never interleave within a line.
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(line)


def read_audit(tokens_path: Path) -> Iterator[dict[str, Any]]:
    path = audit_log_path(tokens_path)
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
