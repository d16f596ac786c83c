PREFIX cat: <https://w3id.org/demoi/def/catalogue#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT DATA { <http://127.0.0.1:8000/id/service/sparql> dcat:endpointURL <http://127.0.0.1:8000/sparql> } ;
DELETE { <http://127.0.0.1:8000/id/service/sparql> dcterms:title ?title } WHERE { <http://127.0.0.1:8000/id/service/sparql> dcterms:title ?title FILTER (lang(?title) = "el") }
