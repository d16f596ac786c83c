PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DELETE WHERE { <http://127.0.0.1:8000/id/stop/4401/101> foaf:name ?n } ; INSERT DATA { <http://127.0.0.1:8000/id/stop/4401/101> foaf:name "Plateia 23is Martiou"@en }
