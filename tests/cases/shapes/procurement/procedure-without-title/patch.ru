# a procedure without its title
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> dcterms:title ?title }
