PREFIX cat: <https://w3id.org/demoi/def/catalogue#>

INSERT DATA { <http://127.0.0.1:8000/id/cleaning-requests/4501/2024> cat:containsPersonalData false }
