# an award not linked to its procedure
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE WHERE { <http://127.0.0.1:8000/id/award/4401/25AWRD016987654> proc:procedure ?procedure }
