PREFIX sosa: <http://www.w3.org/ns/sosa/>
INSERT DATA { <http://127.0.0.1:8000/id/observation/parking/0701/nea-paralia/20240506T1015> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/free-spaces> }
