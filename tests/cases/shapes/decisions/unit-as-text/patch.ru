# the unit written as its name instead of its IRI
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:unit <http://127.0.0.1:8000/id/organisation/4401/unit/dimotiko-symvoulio> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:unit "ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ" }
