# a budget commitment of which only the first per-KAE line was carried over: the total (15500.00) is no longer the sum of its lines (12400.00); a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:expenditureItem <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ/item/2> } ;
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ/item/2> ?property ?value }
