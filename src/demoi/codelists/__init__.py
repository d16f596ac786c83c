"""Code lists in a spreadsheet: SKOS <-> CSV (``demoi codelist import|export``)."""
