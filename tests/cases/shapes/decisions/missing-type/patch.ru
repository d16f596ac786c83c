# a decision without a decision type
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:type_document <https://w3id.org/demoi/code/decision-type/2.4.7.1> }
