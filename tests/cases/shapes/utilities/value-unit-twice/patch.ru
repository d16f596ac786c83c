PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
INSERT DATA { <http://127.0.0.1:8000/id/consumption/4401/DMA-07/2024-01#result> qudt:unit unit:KiloW-HR }
