# An office that belongs to no organisation.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/5501/unit/81204> org:unitOf ?organisation }
