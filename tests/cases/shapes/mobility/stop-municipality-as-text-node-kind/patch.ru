PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE { <http://127.0.0.1:8000/id/stop/4401/101> demoi:municipality ?m } INSERT { <http://127.0.0.1:8000/id/stop/4401/101> demoi:municipality ?text } WHERE { <http://127.0.0.1:8000/id/stop/4401/101> demoi:municipality ?m BIND(STR(?m) AS ?text) }
