# the KAE code kept with Diavgeia's service-code prefix (20.6641.0001)
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae <https://w3id.org/demoi/code/kae/6641.01> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae <https://w3id.org/demoi/code/kae/20.6641.0001> }
