# A person without a family name.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE WHERE { <http://127.0.0.1:8000/id/person/4401/2> foaf:familyName ?name }
