PREFIX svc: <https://w3id.org/demoi/def/services#>
PREFIX il: <https://w3id.org/demoi/code/interactivity-level/>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:interactivityLevel il:3 }
