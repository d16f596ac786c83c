# The municipality points to two code-list concepts.
PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401> demoi:municipality <https://w3id.org/demoi/code/municipality/4402> }
