# a dec:AwardDecision whose Diavgeia type is Δ.2.1 (summary of a call for tenders)
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%94.1> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> eli:type_document <https://w3id.org/demoi/code/decision-type/%CE%94.2.1> }
