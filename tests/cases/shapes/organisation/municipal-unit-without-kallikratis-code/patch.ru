# A municipal unit without its Kallikratis code: info only.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/5501/municipal-unit/926303> dorg:kallikratisCode ?code }
