# an award's CPV code kept with its check digit (09134100-8) in the IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:cpv <http://data.europa.eu/cpv/cpv/09134100> } ;
INSERT DATA { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:cpv <http://data.europa.eu/cpv/cpv/09134100-8> }
