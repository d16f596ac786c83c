PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE WHERE { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> demoi:municipality ?m } ; INSERT DATA { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> demoi:municipality <https://w3id.org/demoi/code/municipality/701> }
