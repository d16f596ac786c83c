PREFIX sosa: <http://www.w3.org/ns/sosa/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX util: <https://w3id.org/demoi/def/utilities#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {
  <http://127.0.0.1:8000/id/meter-reading/4401/DMA-07/2024-02-01> sosa:madeBySensor <http://127.0.0.1:8000/id/water-meter/4401/DMA-08> .
  <http://127.0.0.1:8000/id/water-meter/4401/DMA-08> a util:WaterMeter ;
    dcterms:identifier "ΥΜ-DMA-08" ;
    demoi:municipality <https://w3id.org/demoi/code/municipality/4401> ;
    util:meterCategory <https://w3id.org/demoi/code/meter-category/district> ;
    sosa:observes <https://w3id.org/demoi/code/observable-property/water-volume> ;
    sosa:isHostedBy <http://127.0.0.1:8000/id/water-network-chamber/4401/DMA-08> .
  <http://127.0.0.1:8000/id/water-network-chamber/4401/DMA-08> a sosa:Platform ;
    rdfs:label "Φρεάτιο εισόδου ζώνης ύδρευσης 08"@el .
}
