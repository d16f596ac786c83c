# an award without its value including VAT: a warning only
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE WHERE { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:valueIncludingVat ?value }
