# an award with two ΑΔΑΜ
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:adam "25AWRD016987655" }
