# a procedure with two estimated values (without and with VAT)
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
INSERT DATA { <http://127.0.0.1:8000/id/procedure/4401/25PROC016512345> proc:estimatedValue 223200.00 }
