PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { s:output-1 dcterms:title "Άδεια χρήσης κοινόχρηστου χώρου"@el }
