# The region points to two code-list concepts.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/EL65> dorg:region <https://w3id.org/demoi/code/region/EL30> }
