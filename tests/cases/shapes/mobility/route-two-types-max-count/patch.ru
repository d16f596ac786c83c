PREFIX gtfs: <http://vocab.gtfs.org/terms#>
INSERT DATA { <http://127.0.0.1:8000/id/route/4401/1> gtfs:routeType gtfs:LightRail }
