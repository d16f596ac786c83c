PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { <http://127.0.0.1:8000/id/observation/bike-station/7101/port/20240601T0900> sosa:resultTime ?t } ; INSERT DATA { <http://127.0.0.1:8000/id/observation/bike-station/7101/port/20240601T0900> sosa:resultTime "2024-06-01T09:00:00"^^xsd:dateTime }
