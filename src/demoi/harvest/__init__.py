"""Harvest in: dataset records kept elsewhere (a CKAN portal) as demoi DCAT-AP records.

``ckan`` reads a portal's action API, ``ckan_dcat`` turns its packages into DCAT-AP triples,
``publish`` writes them as one graph with provenance, ``command`` is ``demoi harvest``.
"""
