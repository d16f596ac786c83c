PREFIX qudt: <http://qudt.org/schema/qudt/>
DELETE WHERE { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815/result> qudt:numericValue ?v } ; INSERT DATA { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815/result> qudt:numericValue 412.0 }
