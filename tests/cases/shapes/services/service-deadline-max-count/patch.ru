PREFIX svc: <https://w3id.org/demoi/def/services#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:statutoryDeadline "P60D"^^xsd:duration }
