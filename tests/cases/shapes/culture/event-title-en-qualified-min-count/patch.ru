PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE DATA { <http://127.0.0.1:8000/id/event/4401/dance-festival-2024> dcterms:title "Kalamata International Dance Festival 2024"@en }
