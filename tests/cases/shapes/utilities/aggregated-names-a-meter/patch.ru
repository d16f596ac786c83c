PREFIX sosa: <http://www.w3.org/ns/sosa/>
INSERT DATA { <http://127.0.0.1:8000/id/aggregated-consumption/4401/07/household/2024-01> sosa:madeBySensor <http://127.0.0.1:8000/id/water-meter/4401/H-004512> }
