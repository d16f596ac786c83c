# a contract with two municipalities
PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> demoi:municipality <https://w3id.org/demoi/code/municipality/4402> }
