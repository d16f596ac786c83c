PREFIX mob: <https://w3id.org/demoi/def/mobility#>
INSERT DATA { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> mob:totalSpaces 260 }
