# A double surname split into two values.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
INSERT DATA { <http://127.0.0.1:8000/id/person/4401/2> foaf:familyName "Παπαδοπούλου"@el }
