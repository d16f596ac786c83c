PREFIX locn: <http://www.w3.org/ns/locn#>
DELETE DATA { <http://127.0.0.1:8000/id/event/4401/dance-festival-2024> locn:location <http://127.0.0.1:8000/id/facility/4401/castle-amphitheatre> }
