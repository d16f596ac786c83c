PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123#geometry> geo:asWKT "POINT(22.1142 37.0389)"^^geo:wktLiteral } ;
INSERT DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123#geometry> geo:asWKT "<http://www.opengis.net/def/crs/EPSG/0/2100> POINT(4100851 332286)"^^geo:wktLiteral }
