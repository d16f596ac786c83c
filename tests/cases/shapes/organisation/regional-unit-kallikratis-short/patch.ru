# The Kallikratis code of a regional unit without its padding.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/EL65/regional-unit/44> dorg:kallikratisCode "1005" } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/EL65/regional-unit/44> dorg:kallikratisCode "105" }
