# the end date written as a date-time instead of a date
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:endDate "2026-04-09"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:endDate "2026-04-09T23:59:59+03:00"^^xsd:dateTime }
