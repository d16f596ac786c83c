# An official's date of birth, which is not published.
PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/person/4401/2> m8g:birthDate "1975-03-14"^^xsd:date }
