# A community council not linked to its community.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/council> org:subOrganizationOf ?community }
