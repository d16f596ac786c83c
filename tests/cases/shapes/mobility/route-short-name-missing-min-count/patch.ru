PREFIX gtfs: <http://vocab.gtfs.org/terms#>
DELETE WHERE { <http://127.0.0.1:8000/id/route/4401/1> gtfs:shortName ?n }
