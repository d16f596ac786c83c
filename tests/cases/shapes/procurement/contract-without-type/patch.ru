# a contract without its contract type
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE WHERE { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:contractType ?type }
