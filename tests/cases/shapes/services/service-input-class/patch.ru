PREFIX cpsv: <http://purl.org/vocab/cpsv#>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> cpsv:hasInput "Φωτοαντίγραφο αστυνομικής ταυτότητας"@el }
