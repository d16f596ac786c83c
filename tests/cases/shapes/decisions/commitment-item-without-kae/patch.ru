# a line of a budget commitment (Β.1.3) without its KAE code, which Diavgeia requires
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ/item/2> dec:kae ?kae }
