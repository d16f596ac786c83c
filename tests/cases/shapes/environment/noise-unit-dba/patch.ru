PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
DELETE DATA { <http://127.0.0.1:8000/id/noise/7101/ikarou/lden/2023#result> qudt:unit unit:DeciB } ;
INSERT DATA { <http://127.0.0.1:8000/id/noise/7101/ikarou/lden/2023#result> qudt:unit unit:DeciB_A }
