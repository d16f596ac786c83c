PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE WHERE { <http://127.0.0.1:8000/id/facility/0701/nea-paralia-park/geometry> geo:asWKT ?w } ; INSERT DATA { <http://127.0.0.1:8000/id/facility/0701/nea-paralia-park/geometry> geo:asWKT "<http://www.opengis.net/def/crs/EPSG/0/2100> POLYGON((411000 4497800, 411250 4497700, 411000 4497800))"^^geo:wktLiteral }
