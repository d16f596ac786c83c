PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX e: <http://127.0.0.1:8000/id/event/4401/dance-festival-2024/>
DELETE DATA { e:time-start time:inXSDDate "2024-07-12"^^xsd:date } ;
INSERT DATA { e:time-start time:inXSDDate "12/07/2024" }
