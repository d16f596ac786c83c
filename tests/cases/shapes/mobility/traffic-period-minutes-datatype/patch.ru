PREFIX env: <https://w3id.org/demoi/def/environment#>
DELETE WHERE { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815> env:aggregationPeriod ?d } ; INSERT DATA { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815> env:aggregationPeriod 15 }
