PREFIX env: <https://w3id.org/demoi/def/environment#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01> env:aggregationPeriod "P1M"^^xsd:duration } ;
INSERT DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01> env:aggregationPeriod "μηνιαία" }
