# a dec:CommitmentDecision whose Diavgeia type is Β.2.1 (expenditure approval), not Β.1.3
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%92.1.3> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%92.2.1> }
