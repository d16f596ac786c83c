# a budget commitment charged to two financial years
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:financialYear "2026"^^xsd:gYear }
