PREFIX mob: <https://w3id.org/demoi/def/mobility#>
INSERT DATA { <http://127.0.0.1:8000/id/route/4401/1> mob:servesStop <http://127.0.0.1:8000/id/stop/4401/999> }
