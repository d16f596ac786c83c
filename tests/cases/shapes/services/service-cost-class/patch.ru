PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasCost s:cost-1 } ;
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasCost "30 ευρώ"@el }
