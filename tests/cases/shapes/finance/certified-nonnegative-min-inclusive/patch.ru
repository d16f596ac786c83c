PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:certified ?o . ?s fin:collected ?x } WHERE { ?s a fin:RevenueLine ; fin:certified ?o ; fin:collected ?x } ;
INSERT { ?s fin:certified -1.00 } WHERE { ?s a fin:RevenueLine }
