PREFIX svc: <https://w3id.org/demoi/def/services#>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:mitosId "654321" }
