PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123> demoi:municipality <http://127.0.0.1:8000/id/municipality/4401> }
