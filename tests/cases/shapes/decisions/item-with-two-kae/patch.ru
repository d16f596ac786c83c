# an amount line charged to two KAE codes
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae <https://w3id.org/demoi/code/kae/6643.01> }
