PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia> geo:hasGeometry <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia#geometry> }
