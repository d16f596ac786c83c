# a contract with two signing dates
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasContractConclusionDate "2025-04-11"^^xsd:date }
