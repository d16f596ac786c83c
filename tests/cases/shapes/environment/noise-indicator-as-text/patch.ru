PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/noise/7101/ikarou/lden/2023> sosa:observedProperty <https://w3id.org/demoi/code/observable-property/lden> } ;
INSERT DATA { <http://127.0.0.1:8000/id/noise/7101/ikarou/lden/2023> sosa:observedProperty "Lden" }
