PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
INSERT DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07> sosa:hasResult <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result2> . <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07#result2> a qudt:QuantityValue ; qudt:numericValue 121.0 ; qudt:unit unit:MicroGM-PER-M3 }
