PREFIX time: <http://www.w3.org/2006/time#>
PREFIX e: <http://127.0.0.1:8000/id/event/4401/dance-festival-2024/>
INSERT DATA { e:time time:hasBeginning e:time-end }
