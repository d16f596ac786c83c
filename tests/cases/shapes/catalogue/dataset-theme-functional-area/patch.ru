PREFIX dcat: <http://www.w3.org/ns/dcat#>

INSERT DATA { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcat:theme <https://w3id.org/demoi/code/functional-area/finance> }
