# An official's tax number (ΑΦΜ) as dcterms:identifier, which is not published.
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <http://127.0.0.1:8000/id/person/4401/2> dcterms:identifier "123456783" }
