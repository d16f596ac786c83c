PREFIX stat: <https://w3id.org/demoi/def/statistics#>
PREFIX demoi: <https://w3id.org/demoi/def/common#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX sdmx-code: <http://purl.org/linked-data/sdmx/2009/code#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <http://127.0.0.1:8000/id/population/4401/2021/T> stat:population ?old } INSERT { <http://127.0.0.1:8000/id/population/4401/2021/T> stat:population -71894 } WHERE { <http://127.0.0.1:8000/id/population/4401/2021/T> stat:population ?old }
