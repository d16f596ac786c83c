# two versions merged into one IRI: two versionIds
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId "e835b190-ac0a-4829-8b32-352e886f79da" }
