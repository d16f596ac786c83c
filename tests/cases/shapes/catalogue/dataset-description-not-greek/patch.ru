PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:description ?description } WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:description ?description FILTER (lang(?description) = "el") }
