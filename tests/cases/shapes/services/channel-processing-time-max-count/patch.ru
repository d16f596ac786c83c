PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/0701-003/channel-kep> m8g:processingTime "P2D"^^xsd:duration }
