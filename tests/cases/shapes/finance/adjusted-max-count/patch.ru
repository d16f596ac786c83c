PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s fin:adjusted 999999.00 } WHERE { ?s a fin:ExpenditureLine }
