PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:authorised ?o . ?s fin:paid ?x } WHERE { ?s a fin:ExpenditureLine ; fin:authorised ?o ; fin:paid ?x } ;
INSERT { ?s fin:authorised -1.00 } WHERE { ?s a fin:ExpenditureLine }
