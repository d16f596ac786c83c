PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX m8g: <http://data.europa.eu/m8g/>

INSERT DATA {
  <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:publisher <http://127.0.0.1:8000/id/organisation/4401/deya> .
  <http://127.0.0.1:8000/id/organisation/4401/deya> a m8g:PublicOrganisation , foaf:Agent ;
      foaf:name "Δημοτική Επιχείρηση Ύδρευσης Αποχέτευσης Καλαμάτας"@el .
}
