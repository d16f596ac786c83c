PREFIX env: <https://w3id.org/demoi/def/environment#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia> env:inOperationSince "1989"^^xsd:gYear } ;
INSERT DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia> env:inOperationSince 1989 }
