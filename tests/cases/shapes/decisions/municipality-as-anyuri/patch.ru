# the municipality written as an xsd:anyURI literal instead of an IRI
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> demoi:municipality "https://w3id.org/demoi/code/municipality/4401"^^xsd:anyURI }
