PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:publisher ?publisher }
INSERT { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:publisher <http://127.0.0.1:8000/id/organisation/4401/contact/finance> }
WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:publisher ?publisher }
