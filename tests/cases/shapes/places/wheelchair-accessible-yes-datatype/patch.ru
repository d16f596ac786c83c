PREFIX place: <https://w3id.org/demoi/def/places#>
DELETE WHERE { <http://127.0.0.1:8000/id/facility/4401/municipal-library> place:wheelchairAccessible ?w } ; INSERT DATA { <http://127.0.0.1:8000/id/facility/4401/municipal-library> place:wheelchairAccessible "ΝΑΙ" }
