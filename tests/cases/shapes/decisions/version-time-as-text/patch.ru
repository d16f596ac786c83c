# the version time written as plain text
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionTime "2025-04-22T08:03:51.170Z"^^xsd:dateTime } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionTime "2025-04-22 08:03:51" }
