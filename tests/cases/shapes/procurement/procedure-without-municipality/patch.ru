# a procedure without its municipality
PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> }
