PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <http://127.0.0.1:8000/id/water-meter/4401/DMA-07> dcterms:identifier "ΥΜ-DMA-07Α" }
