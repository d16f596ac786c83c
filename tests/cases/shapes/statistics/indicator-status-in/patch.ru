PREFIX stat: <https://w3id.org/demoi/def/statistics#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX adms: <http://www.w3.org/ns/adms#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { <http://127.0.0.1:8000/id/indicator/budget-execution-rate> adms:status ?s } ; INSERT DATA { <http://127.0.0.1:8000/id/indicator/budget-execution-rate> adms:status <http://purl.org/adms/status/Completed> }
