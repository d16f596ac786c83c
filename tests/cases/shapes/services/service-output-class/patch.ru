PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
INSERT DATA { <http://127.0.0.1:8000/id/public-service/4401-017> cpsv:produces s:output-2 }
