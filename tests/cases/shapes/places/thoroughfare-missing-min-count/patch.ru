PREFIX locn: <http://www.w3.org/ns/locn#>
DELETE WHERE { <http://127.0.0.1:8000/id/facility/0701/nea-paralia-park/address> locn:thoroughfare ?t }
