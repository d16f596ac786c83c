PREFIX cat: <https://w3id.org/demoi/def/catalogue#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>

DELETE DATA { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> } ;
INSERT DATA { <http://127.0.0.1:8000/id/budget-expense/4401/2024> dcat:theme <http://publications.europa.eu/resource/authority/data-theme/OP_DATPRO> }
