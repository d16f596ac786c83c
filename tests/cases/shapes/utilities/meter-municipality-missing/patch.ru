PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/electricity-meter/4401/town-hall> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> }
