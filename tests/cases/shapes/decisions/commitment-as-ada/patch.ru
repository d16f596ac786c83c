# the budget commitment given as its ΑΔΑ in text instead of the decision's IRI
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4> dec:commitment <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4> dec:commitment "ΨΚΛ2ΩΞΑ-Ι3Σ" }
