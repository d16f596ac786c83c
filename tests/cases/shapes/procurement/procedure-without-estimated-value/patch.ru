# a direct award without its estimated value: a warning only
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE WHERE { <http://127.0.0.1:8000/id/procedure/4401/25SYMV017220334> proc:estimatedValue ?value }
