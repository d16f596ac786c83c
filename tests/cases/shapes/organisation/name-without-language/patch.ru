# Diavgeia's upper-case name added as a string without a language tag.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401> skos:prefLabel "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ" }
