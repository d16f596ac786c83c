PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/0701-003> m8g:hasChannel <http://127.0.0.1:8000/id/public-service/0701-003/channel-online> }
