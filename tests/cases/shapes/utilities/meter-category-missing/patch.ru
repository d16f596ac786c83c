PREFIX util: <https://w3id.org/demoi/def/utilities#>
DELETE DATA { <http://127.0.0.1:8000/id/water-meter/4401/DMA-07> util:meterCategory <https://w3id.org/demoi/code/meter-category/district> }
