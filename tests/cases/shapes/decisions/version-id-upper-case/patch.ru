# the versionId UUID rewritten in upper case
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId "a60fb914-6c70-458a-9efa-a68112870293" } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ/version/a60fb914-6c70-458a-9efa-a68112870293> dec:versionId "A60FB914-6C70-458A-9EFA-A68112870293" }
