PREFIX env: <https://w3id.org/demoi/def/environment#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07> env:aggregationPeriod "P1D"^^xsd:duration } ;
INSERT DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07> env:aggregationPeriod "ημερήσια" }
