PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> demoi:municipality "https://w3id.org/demoi/code/municipality/4401" }
