PREFIX gtfs: <http://vocab.gtfs.org/terms#>
DELETE WHERE { <http://127.0.0.1:8000/id/stop/4401/101> gtfs:wheelchairAccessible ?w } ; INSERT DATA { <http://127.0.0.1:8000/id/stop/4401/101> gtfs:wheelchairAccessible 1 }
