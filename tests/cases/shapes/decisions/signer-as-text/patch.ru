# the signer written as text instead of the IRI of the post
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:signer <http://127.0.0.1:8000/id/organisation/4401/post/proedros-dimotikou-symvouliou> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dec:signer "Πρόεδρος Δημοτικού Συμβουλίου"@el }
