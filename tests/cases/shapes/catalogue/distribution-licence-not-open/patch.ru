PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE { <http://127.0.0.1:8000/id/budget-expense/4401/2024/distribution/rdf> dcterms:license ?licence }
INSERT { <http://127.0.0.1:8000/id/budget-expense/4401/2024/distribution/rdf> dcterms:license <http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0> }
WHERE { <http://127.0.0.1:8000/id/budget-expense/4401/2024/distribution/rdf> dcterms:license ?licence }
