# A community council nested in the municipal unit instead of its community.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/council> org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/community/92630301> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/council> org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/municipal-unit/926303> }
