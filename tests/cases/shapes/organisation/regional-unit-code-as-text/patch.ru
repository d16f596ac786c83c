# The regional-unit code-list IRI written as a string.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/EL65/regional-unit/44> dorg:regionalUnit <https://w3id.org/demoi/code/regional-unit/44> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/EL65/regional-unit/44> dorg:regionalUnit "https://w3id.org/demoi/code/regional-unit/44" }
