PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX env: <https://w3id.org/demoi/def/environment#>
INSERT DATA { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815> env:aggregationPeriod "PT1H"^^xsd:duration }
