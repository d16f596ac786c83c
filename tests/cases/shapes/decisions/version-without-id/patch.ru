# a posting version without its versionId
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId ?id }
