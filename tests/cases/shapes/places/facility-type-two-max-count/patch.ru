PREFIX place: <https://w3id.org/demoi/def/places#>
INSERT DATA { <http://127.0.0.1:8000/id/facility/4401/municipal-library> place:facilityType <https://w3id.org/demoi/code/facility-type/museum> }
