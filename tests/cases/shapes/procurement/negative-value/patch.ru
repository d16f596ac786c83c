# a negative value excluding VAT on an award
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:valueExcludingVat 172500.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:valueExcludingVat -172500.00 }
