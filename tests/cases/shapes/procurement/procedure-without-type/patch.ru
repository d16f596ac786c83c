# a procedure without its procedure type
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
DELETE WHERE { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> epo:hasProcedureType ?type }
