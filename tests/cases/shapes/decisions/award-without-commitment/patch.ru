# an award not linked to its budget commitment: a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> dec:commitment ?commitment }
