PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:hasResult <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result2> . <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result2> a qudt:QuantityValue ; qudt:numericValue 1254390.0 ; qudt:unit unit:M3 }
