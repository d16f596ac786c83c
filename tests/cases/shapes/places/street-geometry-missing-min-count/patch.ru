PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE WHERE { <http://127.0.0.1:8000/id/street/4401/aristomenous> geo:hasGeometry ?g }
