PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123#geometry> geo:asWKT "POINT(22.1142 37.0389)"^^geo:wktLiteral } ;
INSERT DATA { <http://127.0.0.1:8000/id/waste-container/4401/B-0123#geometry> geo:asWKT "POINT(22.1142 37.0389)" }
