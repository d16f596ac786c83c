# A community council linked to two communities (the second one valid).
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA {
  <http://127.0.0.1:8000/id/organisation/5501/community/92630302> a dorg:Community , org:OrganizationalUnit ;
      skos:prefLabel "Δημοτική Κοινότητα Θάνους"@el ;
      org:unitOf <http://127.0.0.1:8000/id/organisation/5501> ;
      org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/municipal-unit/926303> ;
      dorg:kallikratisCode "92630302" .
  <http://127.0.0.1:8000/id/organisation/5501/community/92630301/council> org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/community/92630302> .
}
