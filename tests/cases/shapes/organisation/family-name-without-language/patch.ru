# A family name without a language tag.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE DATA { <http://127.0.0.1:8000/id/person/4401/2> foaf:familyName "Νικολάου"@el } ;
INSERT DATA { <http://127.0.0.1:8000/id/person/4401/2> foaf:familyName "Νικολάου" }
