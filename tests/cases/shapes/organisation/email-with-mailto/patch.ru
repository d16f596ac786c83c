# The e-mail written as a mailto: link.
PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/contact-point> m8g:email "info@kalamata.gr" } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/contact-point> m8g:email "mailto:info@kalamata.gr" }
