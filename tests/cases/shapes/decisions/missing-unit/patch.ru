# a decision without its unit: a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:unit ?unit }
