# an award linked to two Diavgeia decisions
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:decision <http://127.0.0.1:8000/id/decision/4401/Ω8ΔΞΩΞΑ-3ΦΛ> }
