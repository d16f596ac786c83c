# a procedure with two buyers (the municipality and its water utility)
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:buyer <http://127.0.0.1:8000/id/organisation/4401/deya> }
