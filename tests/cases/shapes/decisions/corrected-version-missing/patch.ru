# the corrected (first) version is not in the data, as when the version log was not fetched: a warning only

DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/e835b190-ac0a-4829-8b32-352e886f79da> ?property ?value }
