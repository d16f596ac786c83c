PREFIX mob: <https://w3id.org/demoi/def/mobility#>
INSERT DATA { <http://127.0.0.1:8000/id/bike-station/7101/port> mob:dockCount 10 }
