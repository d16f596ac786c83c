# the issue date kept as the date-time the Diavgeia search returns; its datatype violation comes alone, as the order of the dates is compared only between xsd:date values
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:date_document "2025-04-15"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:date_document "2025-04-15T00:00:00+00:00"^^xsd:dateTime }
