# a procedure given the ΑΔΑΜ of the request (REQ) instead of the notice (PROC)
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:adam "25PROC016512345" } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:adam "25REQ016401122" }
