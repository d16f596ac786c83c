# a budget commitment whose per-KAE lines (amountWithKae) were not linked
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:expenditureItem ?item }
