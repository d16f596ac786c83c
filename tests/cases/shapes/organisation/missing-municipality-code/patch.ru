# The municipality does not point to its code-list concept.
PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE WHERE { <http://127.0.0.1:8000/id/organisation/4401> demoi:municipality ?code }
