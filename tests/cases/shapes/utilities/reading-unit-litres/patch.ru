PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
DELETE DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result> qudt:unit unit:M3 } ;
INSERT DATA { <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01#result> qudt:unit unit:L }
