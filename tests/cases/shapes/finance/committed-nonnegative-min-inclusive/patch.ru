PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:committed ?o . ?s fin:authorised ?x } WHERE { ?s a fin:ExpenditureLine ; fin:committed ?o ; fin:authorised ?x } ;
INSERT { ?s fin:committed -1.00 } WHERE { ?s a fin:ExpenditureLine }
