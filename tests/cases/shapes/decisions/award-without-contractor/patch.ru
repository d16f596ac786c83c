# an award without its contractor
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:contractor ?contractor }
