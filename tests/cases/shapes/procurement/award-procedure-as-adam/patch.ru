# an award's procedure given as the notice ΑΔΑΜ in text instead of the procedure's IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:procedure <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> } ;
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:procedure "25PROC016512345" }
