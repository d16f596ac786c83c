"""What every ``demoi`` command that opens the store shares: ``--store`` and ``--base-uri``,
the settings they override, and opening the store so that a failed command leaves nothing.

Apart from ``demoi.cli`` so that the commands defined in their own modules (``demoi privacy``,
``inventory``, ``guide``, ``harvest``, ``catalog hvd``) use the same options: ``demoi.cli``
imports those modules, so they cannot import it.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from demoi.settings import SETTINGS_BY_NAME, Settings, load_settings
from demoi.store import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


def setting_help(name: str) -> str:
    setting = SETTINGS_BY_NAME[name]
    return f"{setting.help} [env: {setting.env_var}; default: {setting.default!r}]"


def store_option(command: F) -> F:
    """``--store PATH`` on every command that opens the store."""
    return click.option(
        "--store", "store", type=click.Path(path_type=str), help=setting_help("store")
    )(command)


def base_uri_option(command: F) -> F:
    """``--base-uri IRI`` on every command that mints IRIs, writes provenance or reads what was
    published under a base."""
    return click.option("--base-uri", help=setting_help("base_uri"))(command)


def command_settings(**overrides: Any) -> Settings:
    return load_settings(overrides)


@contextlib.contextmanager
def opened_store(settings: Settings, *, create: bool) -> Iterator[Store]:
    """The store, closed afterwards. A store this command created is removed again if the
    command fails, so that a failed command changes nothing, not even by leaving a store."""
    path = settings.store_path
    existed = path.exists()
    store = open_store(path, backend=settings["store_backend"], create=create)
    try:
        yield store
    except BaseException:
        store.close()
        if not existed:
            shutil.rmtree(path, ignore_errors=True)
        raise
    store.close()
