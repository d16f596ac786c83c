PREFIX env: <https://w3id.org/demoi/def/environment#>
DELETE DATA { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> env:wasteStream <https://w3id.org/demoi/code/waste-stream/commingled-packaging> }
