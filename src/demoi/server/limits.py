"""Rate limits per client IP and per write token."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    pass
