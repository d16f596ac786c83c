# a contract's value including VAT kept as text in ΚΗΜΔΗΣ's Greek number format (213.900,00); its datatype violation comes alone, as the values are compared only when both are xsd:decimal
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueIncludingVat 213900.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:valueIncludingVat "213.900,00" }
