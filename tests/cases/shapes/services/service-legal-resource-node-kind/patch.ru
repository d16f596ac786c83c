PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasLegalResource <http://127.0.0.1:8000/id/legal-resource/n-1080-1980> } ;
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> m8g:hasLegalResource "ν. 1080/1980, άρθρο 3"@el }
