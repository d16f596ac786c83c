PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { <http://127.0.0.1:8000/id/indicator/budget-execution-rate> sdmx-attribute:decimals ?d } ; INSERT DATA { <http://127.0.0.1:8000/id/indicator/budget-execution-rate> sdmx-attribute:decimals "abc" }
