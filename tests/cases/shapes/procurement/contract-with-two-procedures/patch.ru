# a contract linked to two procedures
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:procedure <http://127.0.0.1:8000/id/procedure/4401/25PROC016500001> }
