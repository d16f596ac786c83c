PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE { <http://127.0.0.1:8000/id/public-service/4401-017> dcterms:description ?d } INSERT { <http://127.0.0.1:8000/id/public-service/4401-017> dcterms:description "Permit to place tables and chairs on a pavement or square."@en } WHERE { <http://127.0.0.1:8000/id/public-service/4401-017> dcterms:description ?d }
