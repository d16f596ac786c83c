PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> demoi:municipality <https://w3id.org/demoi/code/municipality/9254> }
