# a contract without its signing date
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
DELETE WHERE { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> epo:hasContractConclusionDate ?date }
