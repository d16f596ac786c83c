# One term of office for two persons (the second one valid).
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX person: <http://www.w3.org/ns/person#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
INSERT DATA {
  <http://127.0.0.1:8000/id/person/4401/3> a person:Person , foaf:Person ;
      foaf:givenName "Ιωάννης"@el ;
      foaf:familyName "Κωνσταντίνου"@el .
  <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> org:member <http://127.0.0.1:8000/id/person/4401/3> .
}
