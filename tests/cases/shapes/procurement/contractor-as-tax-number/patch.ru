# a contract's contractor given as its tax number (ΑΦΜ) in text instead of the legal entity's IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:contractor <http://127.0.0.1:8000/id/legal-entity/094519829> } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:contractor "094519829" }
