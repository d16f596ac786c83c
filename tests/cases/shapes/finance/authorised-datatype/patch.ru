PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s fin:authorised ?o  } WHERE { ?s a fin:ExpenditureLine ; fin:authorised ?o  } ;
INSERT { ?s fin:authorised "89000"^^xsd:integer } WHERE { ?s a fin:ExpenditureLine }
