PREFIX env: <https://w3id.org/demoi/def/environment#>
DELETE DATA { <http://127.0.0.1:8000/id/waste-quantity/4401/2024-01/mixed> env:wasteStream <https://w3id.org/demoi/code/waste-stream/mixed> }
