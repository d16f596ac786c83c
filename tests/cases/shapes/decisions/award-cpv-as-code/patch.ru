# the award's CPV code in Diavgeia's form, with a check digit, appended to the IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:cpv <http://data.europa.eu/cpv/cpv/50114000> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:cpv <http://data.europa.eu/cpv/cpv/50114000-6> }
