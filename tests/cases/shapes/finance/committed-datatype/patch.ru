PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:committed ?o  } WHERE { ?s a fin:ExpenditureLine ; fin:committed ?o  } ;
INSERT { ?s fin:committed "95000"^^xsd:integer } WHERE { ?s a fin:ExpenditureLine }
