# a decision without its subject
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { <http://127.0.0.1:8000/id/decision/4401/9ΑΖ4ΩΞΑ-Ν1Κ> dcterms:title ?subject }
