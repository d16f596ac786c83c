PREFIX schema: <http://schema.org/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { s:channel-online schema:url <https://www.kalamata.gr/> }
