PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasCompetentAuthority <http://127.0.0.1:8000/id/organisation/4401> }
