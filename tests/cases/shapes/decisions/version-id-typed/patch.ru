# the versionId typed xsd:token instead of a plain string
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId "a60fb914-6c70-458a-9efa-a68112870293" } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId "a60fb914-6c70-458a-9efa-a68112870293"^^xsd:token }
