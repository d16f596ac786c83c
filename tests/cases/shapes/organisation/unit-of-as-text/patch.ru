# The municipality's name as a string instead of its IRI.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/cleaning> org:unitOf <http://127.0.0.1:8000/id/organisation/5501> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/cleaning> org:unitOf "Δήμος Λήμνου" }
