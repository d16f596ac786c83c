PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { s:cost-1 m8g:hasValue "30.0"^^xsd:double } ;
INSERT DATA { s:cost-1 m8g:hasValue "-30.0"^^xsd:double }
