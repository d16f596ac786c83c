# an award with two amounts
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> dec:totalAmount 15000.00 }
