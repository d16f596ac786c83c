PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01#result> qudt:numericValue 38420.0 } ;
INSERT DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01#result> qudt:numericValue "3.842E4"^^xsd:double }
