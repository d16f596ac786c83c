# The contact point is not typed m8g:ContactPoint.
PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/contact-point> a m8g:ContactPoint }
