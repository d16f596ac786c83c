# a procedure's Diavgeia decision given as its ΑΔΑ in text instead of the decision's IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:decision <http://127.0.0.1:8000/id/decision/4401/Ω8ΔΞΩΞΑ-3ΦΛ> } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:decision "Ω8ΔΞΩΞΑ-3ΦΛ" }
