# two postings merged into one IRI: two ΑΔΑ on one decision
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:ada "9ΑΖ5ΩΞΑ-Ν2Λ" }
