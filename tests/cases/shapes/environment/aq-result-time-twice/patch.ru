PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07> sosa:resultTime "2010-01-07T00:00:00+02:00"^^xsd:dateTime }
