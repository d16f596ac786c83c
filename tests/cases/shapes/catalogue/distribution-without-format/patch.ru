PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024/distribution/rdf> dcterms:format ?format }
