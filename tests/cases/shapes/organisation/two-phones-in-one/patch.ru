# Two telephone numbers in one value.
PREFIX m8g: <http://data.europa.eu/m8g/>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/contact-point> m8g:telephone "+30 27213 60700" } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/4401/contact-point> m8g:telephone "27213 60700, 27213 60701" }
