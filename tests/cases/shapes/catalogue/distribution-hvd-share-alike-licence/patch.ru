PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> dcterms:license ?licence }
INSERT { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> dcterms:license <http://publications.europa.eu/resource/authority/licence/ODC_BL> }
WHERE { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> dcterms:license ?licence }
