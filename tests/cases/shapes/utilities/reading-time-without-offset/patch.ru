PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:resultTime "2024-02-01T00:00:00+02:00"^^xsd:dateTime } ;
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:resultTime "2024-02-01T00:00:00"^^xsd:dateTime }
