PREFIX cat: <https://w3id.org/demoi/def/catalogue#>

DELETE WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024/distribution/rdf> cat:chargingCategory ?category }
