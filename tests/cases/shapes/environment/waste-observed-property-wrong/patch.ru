PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/collected-waste-mass> } ;
INSERT DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/fill-level> }
