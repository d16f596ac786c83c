# A term of office that names no person.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> org:member ?person }
