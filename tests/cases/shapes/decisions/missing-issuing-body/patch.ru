# a decision without its issuing body
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:passed_by <http://127.0.0.1:8000/id/organisation/4401> }
