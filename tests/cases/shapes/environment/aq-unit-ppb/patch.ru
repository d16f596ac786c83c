PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
DELETE DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result> qudt:unit unit:MicroGM-PER-M3 } ;
INSERT DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result> qudt:unit unit:PPB }
