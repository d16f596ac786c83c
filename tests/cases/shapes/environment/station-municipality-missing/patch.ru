PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia> demoi:municipality <https://w3id.org/demoi/code/municipality/0701> }
