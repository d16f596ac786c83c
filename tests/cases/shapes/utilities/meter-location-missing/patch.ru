PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/water-meter/4401/DMA-07> sosa:isHostedBy <http://127.0.0.1:8000/id/water-network-chamber/4401/DMA-07> }
