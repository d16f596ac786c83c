# A municipality without an English name: info only.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401> skos:prefLabel "Municipality of Kalamata"@en }
