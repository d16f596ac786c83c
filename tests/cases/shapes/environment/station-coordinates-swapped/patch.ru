PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia#geometry> geo:asWKT "POINT(22.941300 40.637672)"^^geo:wktLiteral } ;
INSERT DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia#geometry> geo:asWKT "POINT(40.637672 22.941300)"^^geo:wktLiteral }
