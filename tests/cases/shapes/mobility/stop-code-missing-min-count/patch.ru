PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { <http://127.0.0.1:8000/id/stop/4401/101> dcterms:identifier ?c }
