PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE { <http://127.0.0.1:8000/id/facility/4401/municipal-library> demoi:municipality ?m } INSERT { <http://127.0.0.1:8000/id/facility/4401/municipal-library> demoi:municipality ?text } WHERE { <http://127.0.0.1:8000/id/facility/4401/municipal-library> demoi:municipality ?m BIND(STR(?m) AS ?text) }
