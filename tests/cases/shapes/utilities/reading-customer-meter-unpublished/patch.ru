PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX unit: <http://qudt.org/vocab/unit/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  <http://127.0.0.1:8000/id/meter-reading/4401/H-558812/2024-02-01> a <https://w3id.org/demoi/def/utilities#MeterReading> ;
    sosa:madeBySensor <http://127.0.0.1:8000/id/water-meter/4401/H-558812> ;
    sosa:hasFeatureOfInterest <http://127.0.0.1:8000/id/water-supply-zone/4401/07> ;
    sosa:observedProperty <https://w3id.org/demoi/code/observable-property/water-volume> ;
    sosa:resultTime "2024-02-01T00:00:00+02:00"^^xsd:dateTime ;
    sosa:hasResult <http://127.0.0.1:8000/id/meter-reading/4401/H-558812/2024-02-01#result> .
  <http://127.0.0.1:8000/id/meter-reading/4401/H-558812/2024-02-01#result> a qudt:QuantityValue ;
    qudt:numericValue 1843.0 ;
    qudt:unit unit:M3 .
}
