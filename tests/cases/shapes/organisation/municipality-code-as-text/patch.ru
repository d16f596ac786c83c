# The code-list IRI written as a string.
PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401> demoi:municipality "https://w3id.org/demoi/code/municipality/4401" }
