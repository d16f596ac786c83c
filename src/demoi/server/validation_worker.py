"""Validations asked over the web run in a child process, killed past ``validation_timeout``.

An upload can carry its own shapes, and shapes are programs: SPARQL constraints that join
everything with everything, regular expressions, lists of thousands of values. Neither
Oxigraph nor pySHACL can be interrupted from another thread, so the only way to bound the time
a client may take is a process that can be killed (as `/sparql` does with its query workers,
``demoi.store.workers``).

The children are forked from a ``forkserver`` that imported demoi and compiled every demoi
profile once (:mod:`demoi.server.validation_warm`), so a child starts warm in milliseconds and
never shares a lock or a store handle with the server's threads (a plain ``fork`` of a
threaded server could copy a lock held by another thread). As with any ``multiprocessing``
start method but ``fork``, a script that embeds ``create_app`` must guard its own code with
``if __name__ == "__main__":`` (the children import the main module); ``demoi serve``, pytest
and the usual WSGI servers do. The child sends back the outcome,
without the profiles' shapes graphs, which the reports do not need.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

import rdflib

from demoi import conformance, profiles
from demoi.conformance import Outcome, Source
from demoi.errors import Busy, DemoiError, UsageError, ValidationTimeout

_START = threading.Lock()
_CONTEXT: Any = None


@dataclasses.dataclass(frozen=True)
class Task:
    """One validation, in plain values a child can receive."""

    sources: list[Source]
    profile: str  # a profile name, or "" for the uploaded shapes alone
    shapes: Source | None
    strict: bool
    eu_shapes_dir: str
    allowed_hosts: tuple[str, ...]


def run(task: Task, *, timeout: float, slots: threading.BoundedSemaphore) -> Outcome:
    """The outcome of ``task``, computed in a child; ValidationTimeout past ``timeout``."""
    if not slots.acquire(timeout=timeout):
        raise Busy("too many validations are running; try again in a moment")
    try:
        return _in_child(task, timeout)
    finally:
        slots.release()


def _in_child(task: Task, timeout: float) -> Outcome:
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(sending, task), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(timeout):
            raise ValidationTimeout(
                f"the validation took longer than {timeout:g} s (DEMOI_VALIDATION_TIMEOUT) and "
                "was stopped; validate less data at once, or simplify your own shapes"
            )
        kind, payload = receiving.recv()
    except EOFError:
        raise RuntimeError("the validation process ended without an answer") from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
        child.close()
    if kind == "outcome":
        outcome: Outcome = payload
        return outcome
    if kind == "error":
        raise _rebuilt(*payload)
    raise RuntimeError(f"the validation process failed: {payload}")


def start() -> None:
    """Start the forkserver now (``demoi serve`` does, so the first validation does not wait
    for it to read and compile the profiles)."""
    context = _context()
    context.Process(target=_nothing, daemon=True).start()


def _nothing() -> None:
    return None


def _context() -> Any:
    global _CONTEXT
    with _START:
        if _CONTEXT is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["demoi.server.validation_warm"])
            _CONTEXT = context
    return _CONTEXT


def _child_main(connection: Connection, task: Task) -> None:
    try:
        outcome = validate(task)
        connection.send(("outcome", _portable(outcome)))
    except DemoiError as error:
        connection.send(
            (
                "error",
                (
                    type(error).__module__,
                    type(error).__qualname__,
                    error.message,
                    error.location,
                    error.spec,
                ),
            )  # fmt: skip
        )
    except Exception as error:  # noqa: BLE001 - a bug: the server answers 500 and logs it
        connection.send(("crash", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


def validate(task: Task) -> Outcome:
    """What the child runs (also usable in-process)."""
    chosen: list[profiles.Profile] = []
    if task.profile:
        chosen = profiles.load(task.profile, eu_shapes_dir=task.eu_shapes_dir)
    notes: Sequence[tuple[tuple[str, str], ...]] = ()
    if task.shapes is not None:
        own, notes = conformance.read_shapes(
            task.shapes, allowed_hosts=task.allowed_hosts, untrusted=True
        )
        chosen.append(own)
    # allow_dtd=False: a DOCTYPE from the network is attack surface nobody needs (as the
    # Graph Store refuses it).
    return conformance.check(task.sources, chosen, strict=task.strict, allow_dtd=False, notes=notes)


def _portable(outcome: Outcome) -> Outcome:
    """The outcome without the shapes graphs (tens of thousands of triples to pickle)."""
    light = [
        dataclasses.replace(profile, pass_one=rdflib.Graph(), pass_two=None, sections={})
        for profile in outcome.profiles
    ]
    return dataclasses.replace(outcome, profiles=light)


def _rebuilt(module: str, name: str, message: str, location: Any, spec: str | None) -> Exception:
    """The child's error, as the same class when it can be made again."""
    import importlib

    try:
        kind = getattr(importlib.import_module(module), name)
        error: Exception = kind(message, location=location, spec=spec)
    except Exception:  # noqa: BLE001 - a class with another constructor: keep the message
        error = UsageError(message, location=location, spec=spec)
    return error
