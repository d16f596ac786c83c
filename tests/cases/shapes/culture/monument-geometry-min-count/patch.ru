PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> geo:hasGeometry <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi/geometry> }
