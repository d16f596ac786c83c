# The municipal unit's six-digit code on the community.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301> dorg:kallikratisCode "92630301" } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301> dorg:kallikratisCode "926303" }
