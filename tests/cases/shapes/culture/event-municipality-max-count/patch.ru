PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA { <http://127.0.0.1:8000/id/event/4401/dance-festival-2024> demoi:municipality <https://w3id.org/demoi/code/municipality/4402> }
