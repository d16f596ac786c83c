PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcterms:title "Expenditure budget execution 2024"@en }
