PREFIX geo: <http://www.opengis.net/ont/geosparql#>
INSERT DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123#geometry> geo:asWKT "<http://www.opengis.net/def/crs/EPSG/0/2100> POINT(332286 4100851)"^^geo:wktLiteral }
