PREFIX dcatap: <http://data.europa.eu/r5r/>

DELETE WHERE { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013> dcatap:hvdCategory ?category }
