# the buyer written as its name instead of its IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:buyer <http://127.0.0.1:8000/id/organisation/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:buyer "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ" }
