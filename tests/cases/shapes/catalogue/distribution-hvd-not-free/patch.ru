PREFIX cat: <https://w3id.org/demoi/def/catalogue#>

DELETE { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> cat:chargingCategory ?category }
INSERT {
  <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> cat:chargingCategory <https://w3id.org/demoi/code/charging-category/marginal-cost> ;
      cat:chargingBasis "Το κόστος του φορητού μέσου αποθήκευσης, όπως το όρισε το δημοτικό συμβούλιο."@el .
}
WHERE { <http://127.0.0.1:8000/id/air-quality/0701/2010-2013/distribution/rdf> cat:chargingCategory ?category }
