# a contract starting after it ends (day and month read the wrong way round): a warning only
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017220334> proc:endDate "2025-12-31"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017220334> proc:endDate "2025-05-01"^^xsd:date }
