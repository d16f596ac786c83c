# A term of office with two start dates.
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:startDate "2024-09-01"^^xsd:date }
