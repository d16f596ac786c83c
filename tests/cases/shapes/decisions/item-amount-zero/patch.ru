# an amount line of 0.00 euro: a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:amount 9860.40 } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:amount 0.00 }
