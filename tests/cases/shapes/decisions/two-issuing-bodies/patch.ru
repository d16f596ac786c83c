# a decision with two issuing bodies (the municipality and its water utility)
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:passed_by <http://127.0.0.1:8000/id/organisation/4401/deya> }
