# A municipal council without its Diavgeia unit uid: a warning only.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/5501/unit/81215> dorg:diavgeiaUnitUid ?uid }
