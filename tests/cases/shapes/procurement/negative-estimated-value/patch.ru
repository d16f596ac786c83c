# a negative estimated value
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:estimatedValue 180000.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:estimatedValue -180000.00 }
