PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/indoor/4401/school-5/a2/air-temperature/2024-03-12T10:00> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/air-temperature> } ;
INSERT DATA { <http://127.0.0.1:8000/id/indoor/4401/school-5/a2/air-temperature/2024-03-12T10:00> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/water-volume> }
