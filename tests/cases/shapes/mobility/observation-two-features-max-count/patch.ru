PREFIX sosa: <http://www.w3.org/ns/sosa/>
INSERT DATA { <http://127.0.0.1:8000/id/observation/counting-site/4501/vasilissis-sofias-syntagma/20240312T0815> sosa:hasFeatureOfInterest <http://127.0.0.1:8000/id/counting-site/4501/vasilissis-sofias-ampelokipoi> }
