# An official's tax number (ΑΦΜ) as adms:identifier, which is not published.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX adms: <http://www.w3.org/ns/adms#>
INSERT DATA {
  <http://127.0.0.1:8000/id/person/4401/2> adms:identifier <http://127.0.0.1:8000/id/person/4401/2/afm> .
  <http://127.0.0.1:8000/id/person/4401/2/afm> skos:notation "123456783" .
}
