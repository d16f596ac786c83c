# an award without its amount (Diavgeia's «amount: null»)
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΩΤ9ΜΩΞΑ-Η2Ε> dec:totalAmount 18600.00 }
