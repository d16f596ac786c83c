PREFIX cat: <https://w3id.org/demoi/def/catalogue#>

DELETE { <http://127.0.0.1:8000/id/historical-press/7101/collection/distribution/copies> cat:chargingCategory ?category }
INSERT { <http://127.0.0.1:8000/id/historical-press/7101/collection/distribution/copies> cat:chargingCategory <https://w3id.org/demoi/code/charging-category/above-marginal-cost> }
WHERE { <http://127.0.0.1:8000/id/historical-press/7101/collection/distribution/copies> cat:chargingCategory ?category }
