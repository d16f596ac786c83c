# a decision with two decision types (2.4.7.1 and Α.2)
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%91.2> }
