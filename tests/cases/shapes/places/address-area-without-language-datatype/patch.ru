PREFIX locn: <http://www.w3.org/ns/locn#>
INSERT DATA { <http://127.0.0.1:8000/id/facility/4401/municipal-library/address> locn:addressArea "Κέντρο" }
