"""Imported once by the forkserver of :mod:`demoi.server.validation_worker`: it reads and
compiles every demoi profile, so that each validation child, forked from it, starts with them
ready instead of spending a second on them per request."""

from __future__ import annotations

import logging

from demoi import conformance, profiles, validation_report  # noqa: F401 - loaded for the children

# Ill-typed literals in an upload make rdflib log a traceback each (see cli._become_server).
logging.getLogger("rdflib.term").setLevel(logging.ERROR)
conformance.check_triples([], profiles.load("all"))
for _area in profiles.area_names():
    conformance.check_triples([], profiles.load(_area))
