# The Diavgeia unit uid with the unit label appended.
PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81204> dorg:diavgeiaUnitUid "81204" } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81204> dorg:diavgeiaUnitUid "81204 ΓΡΑΦΕΙΟ ΔΗΜΑΡΧΟΥ" }
