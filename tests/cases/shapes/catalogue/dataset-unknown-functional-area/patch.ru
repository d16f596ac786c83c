PREFIX demoi: <https://w3id.org/demoi/def/common#>

DELETE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> demoi:functionalArea ?area }
INSERT { <http://127.0.0.1:8000/id/budget-expense/4401/2024> demoi:functionalArea <https://w3id.org/demoi/code/functional-area/budget> }
WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> demoi:functionalArea ?area }
