# A deputy mayor post in two municipalities.
PREFIX org: <http://www.w3.org/ns/org#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance> org:postIn <http://127.0.0.1:8000/id/organisation/4402> }
