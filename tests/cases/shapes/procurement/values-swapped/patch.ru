# a contract whose values excluding and including VAT were mapped the wrong way round: a warning only
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueExcludingVat 172500.00 ; proc:valueIncludingVat 213900.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueExcludingVat 213900.00 ; proc:valueIncludingVat 172500.00 }
