# A municipality without a website: a warning only.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/4401> foaf:homepage ?page }
