# a procedure's CPV code written as an xsd:anyURI literal instead of an IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:cpv <http://data.europa.eu/cpv/cpv/09134100> } ;
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:cpv "http://data.europa.eu/cpv/cpv/09134100"^^xsd:anyURI }
