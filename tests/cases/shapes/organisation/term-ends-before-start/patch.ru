# A term of office that ends before it starts.
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:endDate "2025-12-31"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:endDate "2023-12-31"^^xsd:date }
