PREFIX qudt: <http://qudt.org/schema/qudt/>
DELETE DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result> qudt:numericValue 1254380.0 } ;
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result> qudt:numericValue -120.0 }
