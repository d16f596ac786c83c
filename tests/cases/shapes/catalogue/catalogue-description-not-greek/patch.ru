PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE { <http://127.0.0.1:8000/id/catalogue/4401> dcterms:description ?text } WHERE { <http://127.0.0.1:8000/id/catalogue/4401> dcterms:description ?text FILTER (lang(?text) = "el") }
