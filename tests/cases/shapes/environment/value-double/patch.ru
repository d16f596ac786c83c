PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result> qudt:numericValue 123 } ;
INSERT DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result> qudt:numericValue "1.23E2"^^xsd:double }
