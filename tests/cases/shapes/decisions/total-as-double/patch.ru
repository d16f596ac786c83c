# the total amount written as an xsd:double (a Python float) instead of an xsd:decimal
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:totalAmount 15500.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:totalAmount "15500.0"^^xsd:double }
