PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s qb:dataSet <http://127.0.0.1:8000/id/budget-expense/4401/2023> } WHERE { ?s a fin:ExpenditureLine }
