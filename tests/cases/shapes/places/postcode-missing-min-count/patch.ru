PREFIX locn: <http://www.w3.org/ns/locn#>
DELETE WHERE { <http://127.0.0.1:8000/id/poi/7101/morosini-fountain/address> locn:postCode ?c }
