# a contract's award given as the AWRD ΑΔΑΜ in text instead of the award's IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:award <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:award "25AWRD016987654" }
