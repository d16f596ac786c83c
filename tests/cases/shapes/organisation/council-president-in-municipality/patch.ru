# The post of council president placed in the municipality instead of the council.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81215/post/president> org:postIn <http://127.0.0.1:8000/id/organisation/5501/unit/81215> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81215/post/president> org:postIn <http://127.0.0.1:8000/id/organisation/5501> }
