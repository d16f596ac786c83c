# the ΕΣΗΔΗΣ number kept with the prefix «Α/Α»
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:esidisNumber "215478" } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:esidisNumber "Α/Α 215478" }
