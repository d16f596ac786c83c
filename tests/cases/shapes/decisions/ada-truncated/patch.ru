# an ΑΔΑ whose last character was lost in copying (9ΑΖ4ΩΞΑ-Ν1 for 9ΑΖ4ΩΞΑ-Ν1Κ)
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:ada "9ΑΖ4ΩΞΑ-Ν1Κ" } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:ada "9ΑΖ4ΩΞΑ-Ν1" }
