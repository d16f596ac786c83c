# The post of mayor is in an organisation not typed dorg:Municipality.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401> a dorg:Municipality }
