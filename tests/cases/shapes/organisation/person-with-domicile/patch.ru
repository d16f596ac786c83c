# An official's home address, which is not published.
PREFIX m8g: <http://data.europa.eu/m8g/>
INSERT DATA { <http://127.0.0.1:8000/id/person/4401/2> m8g:domicile <http://127.0.0.1:8000/id/person/4401/2/address> }
