PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:resultTime "2024-02-01T08:30:00+02:00"^^xsd:dateTime }
