# the start date kept in ΚΗΜΔΗΣ's Greek format as text; a value that is not a date cannot be compared with the end date either, so the warning on their order comes with it
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasEntryIntoForceDate "2025-04-10"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasEntryIntoForceDate "10/04/2025" }
