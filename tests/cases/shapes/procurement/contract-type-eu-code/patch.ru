# the EU contract-nature concept used instead of the demoi contract type
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:contractType <https://w3id.org/demoi/code/contract-type/supplies> } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> proc:contractType <http://publications.europa.eu/resource/authority/contract-nature/supplies> }
