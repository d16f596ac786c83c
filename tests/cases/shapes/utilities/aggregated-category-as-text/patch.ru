PREFIX util: <https://w3id.org/demoi/def/utilities#>
DELETE DATA { <http://127.0.0.1:8000/id/aggregated-consumption/4401/07/household/2024-01> util:meterCategory <https://w3id.org/demoi/code/meter-category/household> } ;
INSERT DATA { <http://127.0.0.1:8000/id/aggregated-consumption/4401/07/household/2024-01> util:meterCategory "Οικιακό"@el }
