# the municipality of an award written as an xsd:anyURI literal instead of an IRI
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> demoi:municipality "https://w3id.org/demoi/code/municipality/4401"^^xsd:anyURI }
