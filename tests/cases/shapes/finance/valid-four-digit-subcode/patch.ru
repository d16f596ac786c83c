PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
# A second line in the same dataset whose KAE code has a four-digit local subcode, as many
# municipal accounting systems number their lines (02.20.6211.0001 in the export: side 02,
# service 20, KAE 6211.0001). Still valid: no results.
INSERT DATA {
  <http://127.0.0.1:8000/id/budget-expense/4401/2024/20/6211.0001> a fin:ExpenditureLine ;
      qb:dataSet <http://127.0.0.1:8000/id/budget-expense/4401/2024> ;
      fin:municipality <https://w3id.org/demoi/code/municipality/4401> ;
      fin:fiscalYear "2024"^^xsd:gYear ;
      fin:serviceCode "20" ;
      fin:kaeCode "6211.0001" ;
      rdfs:label "Αντίτιμο ηλεκτρικού ρεύματος για φωτισμό οδών, πλατειών και κοινόχρηστων χώρων"@el ;
      fin:budgeted 450000.00 ; fin:adjusted 480000.00 ; fin:committed 465210.35 ; fin:authorised 401870.12 ; fin:paid 401870.12 .
}
