PREFIX mob: <https://w3id.org/demoi/def/mobility#>
DELETE WHERE { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> mob:parkingType ?t }
