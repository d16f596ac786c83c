# a decision with two municipalities
PREFIX demoi: <https://w3id.org/demoi/def/common#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> demoi:municipality <https://w3id.org/demoi/code/municipality/4402> }
