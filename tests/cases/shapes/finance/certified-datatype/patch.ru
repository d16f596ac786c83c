PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:certified ?o  } WHERE { ?s a fin:RevenueLine ; fin:certified ?o  } ;
INSERT { ?s fin:certified "241500"^^xsd:integer } WHERE { ?s a fin:RevenueLine }
