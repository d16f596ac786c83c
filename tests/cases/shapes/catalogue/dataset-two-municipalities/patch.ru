PREFIX demoi: <https://w3id.org/demoi/def/common#>

INSERT DATA { <http://127.0.0.1:8000/id/budget-expense/4401/2024> demoi:municipality <https://w3id.org/demoi/code/municipality/0701> }
