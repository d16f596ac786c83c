PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
DELETE DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed#result> qudt:unit unit:TONNE } ;
INSERT DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed#result> qudt:unit unit:M3 }
