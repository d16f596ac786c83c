PREFIX dcatap: <http://data.europa.eu/r5r/>

DELETE DATA { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013> dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> }
