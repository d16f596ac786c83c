# A term of office without an end date: info only.
PREFIX schema: <http://schema.org/>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> schema:endDate ?end }
