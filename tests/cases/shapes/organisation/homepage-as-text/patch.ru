# The website given as a string, not a foaf:Document.
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401> foaf:homepage <https://www.kalamata.gr/> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401> foaf:homepage "https://www.kalamata.gr/" }
