# A person typed person:Person but not foaf:Person.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE DATA { <http://127.0.0.1:8000/id/person/4401/2> a foaf:Person }
