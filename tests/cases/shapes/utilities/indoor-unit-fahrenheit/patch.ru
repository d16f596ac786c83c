PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
DELETE DATA { <http://127.0.0.1:8000/id/indoor/4401/school-5/a2/air-temperature/2024-03-12T10:00#result> qudt:unit unit:DEG_C } ;
INSERT DATA { <http://127.0.0.1:8000/id/indoor/4401/school-5/a2/air-temperature/2024-03-12T10:00#result> qudt:unit unit:DEG_F }
