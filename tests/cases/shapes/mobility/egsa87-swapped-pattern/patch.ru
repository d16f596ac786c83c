PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE WHERE { <http://127.0.0.1:8000/id/parking/0701/nea-paralia/geometry> geo:asWKT ?w } ; INSERT DATA { <http://127.0.0.1:8000/id/parking/0701/nea-paralia/geometry> geo:asWKT "<http://www.opengis.net/def/crs/EPSG/0/2100> POLYGON((4497600 411400, 4497560 411520, 4497620 411540, 4497660 411420, 4497600 411400))"^^geo:wktLiteral }
