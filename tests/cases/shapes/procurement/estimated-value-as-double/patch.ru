# the estimated value written as an xsd:double instead of an xsd:decimal
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:estimatedValue 180000.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:estimatedValue "180000.0"^^xsd:double }
