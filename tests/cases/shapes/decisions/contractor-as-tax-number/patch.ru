# the contractor given as its tax number (ΑΦΜ) in text instead of the legal entity's IRI
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:contractor <http://127.0.0.1:8000/id/legal-entity/801324577> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> proc:contractor "801324577" }
