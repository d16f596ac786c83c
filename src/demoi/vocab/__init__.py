"""Tools for standards editors over ``ontologies/`` and ``shapes/``: lint, reasoning, the
documentation site, JSON-LD contexts, the release diff and release (``demoi vocab …``)."""
