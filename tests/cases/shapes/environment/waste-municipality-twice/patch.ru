PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed> demoi:municipality <https://w3id.org/demoi/code/municipality/4402> }
