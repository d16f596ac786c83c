PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:hasResult <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result> }
