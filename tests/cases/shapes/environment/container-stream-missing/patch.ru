PREFIX env: <https://w3id.org/demoi/def/environment#>
DELETE DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123> env:wasteStream <https://w3id.org/demoi/code/waste-stream/commingled-packaging> }
