PREFIX demoi: <https://w3id.org/demoi/def/common#>

DELETE WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024> demoi:municipality ?municipality }
