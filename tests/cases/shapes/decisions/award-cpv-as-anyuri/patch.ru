# the award's CPV code written as an xsd:anyURI literal
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:cpv <http://data.europa.eu/cpv/cpv/50114000> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:cpv "http://data.europa.eu/cpv/cpv/50114000"^^xsd:anyURI }
