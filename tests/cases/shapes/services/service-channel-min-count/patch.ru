PREFIX svc: <https://w3id.org/demoi/def/services#>
PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX il: <https://w3id.org/demoi/code/interactivity-level/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasChannel s:channel-online , s:channel-office ; svc:interactivityLevel il:2 } ;
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:interactivityLevel il:1 }
