PREFIX m8g: <http://data.europa.eu/m8g/>
PREFIX e: <http://127.0.0.1:8000/id/event/4401/dance-festival-2024/>
INSERT DATA { <http://127.0.0.1:8000/id/event/4401/dance-festival-2024> m8g:subEvent e:workshop }
