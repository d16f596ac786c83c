PREFIX sosa: <http://www.w3.org/ns/sosa/>
INSERT DATA { <http://127.0.0.1:8000/id/building-sensor/4401/school-5/a2> sosa:isHostedBy <http://127.0.0.1:8000/id/room/4401/school-5/a3> }
