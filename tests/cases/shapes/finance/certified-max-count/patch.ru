PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s fin:certified 241000.00 } WHERE { ?s a fin:RevenueLine }
