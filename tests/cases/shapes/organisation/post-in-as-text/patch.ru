# The municipality's name as a string instead of its IRI.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance> org:postIn <http://127.0.0.1:8000/id/organisation/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance> org:postIn "Δήμος Καλαμάτας" }
