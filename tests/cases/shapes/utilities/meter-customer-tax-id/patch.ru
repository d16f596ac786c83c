PREFIX util: <https://w3id.org/demoi/def/utilities#>
INSERT DATA { <http://127.0.0.1:8000/id/electricity-meter/4401/town-hall> util:customerTaxId "000000000" }
