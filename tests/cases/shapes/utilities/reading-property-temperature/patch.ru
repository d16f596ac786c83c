PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/water-volume> } ;
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/air-temperature> }
