PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE { s:evidence-2 dcterms:title ?t } INSERT { s:evidence-2 dcterms:title "Certificate of no debts to the municipality"@en } WHERE { s:evidence-2 dcterms:title ?t }
