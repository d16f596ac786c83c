# the signing date kept in ΚΗΜΔΗΣ's Greek format 10/04/2025 as text
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasContractConclusionDate "2025-04-10"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasContractConclusionDate "10/04/2025" }
