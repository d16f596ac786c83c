PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:municipality ?o } INSERT { ?s fin:municipality ?text } WHERE { ?s a fin:BudgetExecutionDataset ; fin:municipality ?o BIND(STR(?o) AS ?text) }
