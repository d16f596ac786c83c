PREFIX locn: <http://www.w3.org/ns/locn#>
DELETE WHERE { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> locn:geographicName ?n } ; INSERT DATA { <http://127.0.0.1:8000/id/parking/0701/nea-paralia> locn:geographicName "New Waterfront Car Park"@en }
