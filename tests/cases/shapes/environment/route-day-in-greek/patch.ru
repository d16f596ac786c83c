PREFIX schema: <http://schema.org/>
DELETE DATA { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> schema:dayOfWeek schema:Tuesday } ;
INSERT DATA { <http://127.0.0.1:8000/id/collection-route/4401/blue-03> schema:dayOfWeek "Τρίτη"@el }
