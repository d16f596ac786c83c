PREFIX svc: <https://w3id.org/demoi/def/services#>
DELETE DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:mitosId "123456" } ;
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> svc:mitosId "ΔΔ:123456" }
