# a procedure both open and simplified tender
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> epo:hasProcedureType <https://w3id.org/demoi/code/procedure-type/simplified-tender> }
