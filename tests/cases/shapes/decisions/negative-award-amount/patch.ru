# a negative award amount: a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> dec:totalAmount 18600.00 } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> dec:totalAmount -18600.00 }
