PREFIX util: <https://w3id.org/demoi/def/utilities#>
INSERT DATA { <http://127.0.0.1:8000/id/water-meter/4401/DMA-07> util:customerName "Παπαδόπουλος Γεώργιος" }
