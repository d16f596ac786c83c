# An official's personal mobile as a contact point, which is not published.
PREFIX m8g: <http://data.europa.eu/m8g/>
INSERT DATA {
  <http://127.0.0.1:8000/id/person/4401/2> m8g:contactPoint <http://127.0.0.1:8000/id/person/4401/2/contact> .
  <http://127.0.0.1:8000/id/person/4401/2/contact> m8g:telephone "6912345678" .
}
