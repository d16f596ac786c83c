# a dec:ExpenditureDecision whose Diavgeia type is Β.1.3 (budget commitment)
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%92.2.1> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%92.1.3> }
