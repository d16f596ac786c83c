PREFIX sosa: <http://www.w3.org/ns/sosa/>
DELETE DATA { <http://127.0.0.1:8000/id/air-quality/0701/egnatia/pm10/2010-01-07> sosa:observedProperty <http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5> }
