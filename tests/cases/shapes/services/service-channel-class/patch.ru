PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasChannel s:channel-phone }
