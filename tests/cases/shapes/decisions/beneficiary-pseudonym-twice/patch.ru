# two pseudonyms for one line's beneficiary
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:beneficiaryPseudonym "ps-kqvbmzdtxawlehrc" , "ps-abcdefghijklmnop" }
