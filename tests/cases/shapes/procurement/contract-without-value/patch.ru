# a contract without its value excluding VAT
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueExcludingVat 172500.00 }
