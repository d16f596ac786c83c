# the ΑΔΑ written as Greek-tagged text ("…"@el) instead of a plain string
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:ada "9ΑΖ4ΩΞΑ-Ν1Κ" } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:ada "9ΑΖ4ΩΞΑ-Ν1Κ"@el }
