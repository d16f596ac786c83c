PREFIX geo: <http://www.opengis.net/ont/geosparql#>
INSERT DATA { <http://127.0.0.1:8000/id/stop/4401/101/geometry> geo:asWKT "<http://www.opengis.net/def/crs/EPSG/0/2100> POINT(332325 4103033)"^^geo:wktLiteral }
