PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT DATA { <http://127.0.0.1:8000/id/catalogue/4401> dcterms:publisher <http://127.0.0.1:8000/id/organisation/0701> }
