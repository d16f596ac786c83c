PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s fin:committed 95000.00 } WHERE { ?s a fin:ExpenditureLine }
