PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE WHERE { <http://127.0.0.1:8000/id/observation/bike-station/7101/port/20240601T0900> sosa:observedProperty ?p } ; INSERT DATA { <http://127.0.0.1:8000/id/observation/bike-station/7101/port/20240601T0900> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/free-spaces> }
