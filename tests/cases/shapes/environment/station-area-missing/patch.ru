PREFIX env: <https://w3id.org/demoi/def/environment#>
DELETE DATA { <http://127.0.0.1:8000/id/monitoring-station/0701/egnatia> env:areaClassification <http://dd.eionet.europa.eu/vocabulary/aq/areaclassification/urban> }
