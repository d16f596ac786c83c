PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
INSERT DATA { s:channel-online dcterms:identifier "online" }
