# the start date kept in ΚΗΜΔΗΣ's Greek format as text; its datatype violation comes alone, as the order of the dates is compared only between xsd:date values
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasEntryIntoForceDate "2025-04-10"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasEntryIntoForceDate "10/04/2025" }
