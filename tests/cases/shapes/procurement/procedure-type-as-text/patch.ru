# the procedure type written in Greek text («Απευθείας ανάθεση») instead of the code-list concept
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25SYMV017220334> epo:hasProcedureType <https://w3id.org/demoi/code/procedure-type/direct-award> } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25SYMV017220334> epo:hasProcedureType "Απευθείας ανάθεση"@el }
