# A municipality without a contact point: a warning only.
PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/4401> m8g:contactPoint ?point }
