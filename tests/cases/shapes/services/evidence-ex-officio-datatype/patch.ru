PREFIX svc: <https://w3id.org/demoi/def/services#>
PREFIX s: <http://127.0.0.1:8000/id/public-service/4401-017/>
DELETE DATA { s:evidence-2 svc:retrievedExOfficio true } ;
INSERT DATA { s:evidence-2 svc:retrievedExOfficio "ΝΑΙ" }
