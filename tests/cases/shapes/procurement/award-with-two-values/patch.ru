# an award with two values excluding VAT
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:valueExcludingVat 170000.00 }
