PREFIX cat: <https://w3id.org/demoi/def/catalogue#>

DELETE WHERE { <http://127.0.0.1:8000/id/historical-press/7101/collection/distribution/copies> cat:chargingBasis ?basis }
