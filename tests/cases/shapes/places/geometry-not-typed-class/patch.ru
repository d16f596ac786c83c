PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/facility/4401/municipal-library/geometry> a geo:Geometry }
