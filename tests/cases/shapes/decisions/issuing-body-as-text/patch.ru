# the issuing body written as its name instead of its IRI
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:passed_by <http://127.0.0.1:8000/id/organisation/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> eli:passed_by "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ" }
