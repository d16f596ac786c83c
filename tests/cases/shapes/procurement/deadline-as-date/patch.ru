# the tender deadline written as a date without the time
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:submissionDeadline "2025-02-28T15:00:00+02:00"^^xsd:dateTime } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:submissionDeadline "2025-02-28"^^xsd:date }
