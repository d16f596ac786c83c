# both versions of the posting marked as current
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:currentVersion <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/e835b190-ac0a-4829-8b32-352e886f79da> }
