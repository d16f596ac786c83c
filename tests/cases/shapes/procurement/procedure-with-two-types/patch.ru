# a procedure typed both supplies and services
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:contractType <https://w3id.org/demoi/code/contract-type/services> }
