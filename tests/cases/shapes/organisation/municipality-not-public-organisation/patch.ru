# A municipality typed dorg:Municipality but not m8g:PublicOrganisation, so CPOV tools miss it.
PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401> a m8g:PublicOrganisation }
