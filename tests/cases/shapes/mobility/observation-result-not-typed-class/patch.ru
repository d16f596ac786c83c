PREFIX qudt: <http://qudt.org/schema/qudt/>
DELETE DATA { <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015/result> a qudt:QuantityValue }
