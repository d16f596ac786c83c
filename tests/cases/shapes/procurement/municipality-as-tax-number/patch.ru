# the buyer's tax number (ΑΦΜ) put where the municipality code goes
PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017123456> demoi:municipality <https://w3id.org/demoi/code/municipality/997671449> }
