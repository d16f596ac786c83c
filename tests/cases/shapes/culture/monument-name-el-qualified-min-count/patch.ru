PREFIX locn: <http://www.w3.org/ns/locn#>
DELETE DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> locn:geographicName "Ναός των Αγίων Αποστόλων"@el }
