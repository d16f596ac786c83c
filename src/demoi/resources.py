"""Where the standards live: ``ontologies/``, ``shapes/``, ``mappings/`` and ``indicators/`` (and
``examples/``).

In a source checkout they are the top-level folders of the repository; in an installed wheel
hatchling puts them inside the package as ``demoi/_standards/<folder>`` (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

STANDARD_FOLDERS = ("ontologies", "shapes", "mappings", "examples", "indicators")

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def standards_root() -> Path:
    packaged = _PACKAGE_DIR / "_standards"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent.parent  # src/demoi -> repository root
    if (checkout / "ontologies").is_dir():
        return checkout
    raise FileNotFoundError(
        f"demoi's standards folders were found neither in {packaged} nor in {checkout}"
    )


def standards_path(folder: str) -> Path:
    if folder not in STANDARD_FOLDERS:
        raise ValueError(f"unknown standards folder {folder!r}")
    return standards_root() / folder
