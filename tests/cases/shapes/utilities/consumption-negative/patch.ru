PREFIX qudt: <http://qudt.org/schema/qudt/>
DELETE DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01#result> qudt:numericValue 38420.0 } ;
INSERT DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01#result> qudt:numericValue -350.0 }
