PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:adjusted ?o  } WHERE { ?s a fin:ExpenditureLine ; fin:adjusted ?o  } ;
INSERT { ?s fin:adjusted "200000"^^xsd:integer } WHERE { ?s a fin:ExpenditureLine }
