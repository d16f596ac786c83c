PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE WHERE { <http://127.0.0.1:8000/id/facility/0701/nea-paralia-park> demoi:municipality ?m } ; INSERT DATA { <http://127.0.0.1:8000/id/facility/0701/nea-paralia-park> demoi:municipality <https://w3id.org/demoi/code/municipality/701> }
