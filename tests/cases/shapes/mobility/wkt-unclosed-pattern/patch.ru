PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE WHERE { <http://127.0.0.1:8000/id/stop/4401/101/geometry> geo:asWKT ?w } ; INSERT DATA { <http://127.0.0.1:8000/id/stop/4401/101/geometry> geo:asWKT "POINT(22.1146 37.0414"^^geo:wktLiteral }
