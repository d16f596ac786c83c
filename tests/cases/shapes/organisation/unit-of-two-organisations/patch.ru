# An office that is a unit of two municipalities.
PREFIX org: <http://www.w3.org/ns/org#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81204> org:unitOf <http://127.0.0.1:8000/id/organisation/5502> }
