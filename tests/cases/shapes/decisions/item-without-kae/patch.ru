# a line of an expenditure approval (Β.2.1) without its KAE code, as Diavgeia allows
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:kae ?kae }
