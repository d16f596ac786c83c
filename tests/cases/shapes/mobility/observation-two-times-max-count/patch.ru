PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015> sosa:resultTime "2024-05-06T10:20:00+03:00"^^xsd:dateTime }
