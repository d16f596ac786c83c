# a contract's value excluding VAT written as an xsd:double instead of an xsd:decimal
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueExcludingVat 172500.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueExcludingVat "172500.0"^^xsd:double }
