# The regional unit does not point to its code-list concept.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/EL65/regional-unit/44> dorg:regionalUnit ?code }
