# The start date in the Greek form 1/1/2024, as a string.
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:startDate "2024-01-01"^^xsd:date } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:startDate "1/1/2024" }
