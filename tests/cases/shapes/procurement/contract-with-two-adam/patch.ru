# a contract and its modification merged into one IRI: two ΑΔΑΜ
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:adam "25SYMV018000777" }
