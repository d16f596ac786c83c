PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE WHERE { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> rdfs:label ?name }
