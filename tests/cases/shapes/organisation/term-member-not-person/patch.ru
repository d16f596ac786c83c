# The holder typed foaf:Person only, not person:Person.
PREFIX person: <http://www.w3.org/ns/person#>
DELETE DATA { <http://127.0.0.1:8000/id/person/4401/2> a person:Person }
