PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
INSERT DATA { <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015> sosa:hasResult <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015/result-2> . <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015/result-2> a qudt:QuantityValue ; qudt:numericValue 38 ; qudt:unit <http://qudt.org/vocab/unit/NUM> }
