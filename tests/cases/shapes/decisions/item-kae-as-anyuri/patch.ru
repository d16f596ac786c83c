# the KAE code written as an xsd:anyURI literal instead of an IRI
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae <https://w3id.org/demoi/code/kae/6641.01> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae "https://w3id.org/demoi/code/kae/6641.01"^^xsd:anyURI }
