PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:adjusted ?o . ?s fin:committed ?x } WHERE { ?s a fin:ExpenditureLine ; fin:adjusted ?o ; fin:committed ?x } ;
INSERT { ?s fin:adjusted -1.00 } WHERE { ?s a fin:ExpenditureLine }
