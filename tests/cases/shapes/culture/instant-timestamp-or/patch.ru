PREFIX time: <http://www.w3.org/2006/time#>
PREFIX e: <http://127.0.0.1:8000/id/event/4401/dance-festival-2024/>
DELETE { e:opening-start time:inXSDDateTimeStamp ?t } INSERT { e:opening-start time:inXSDDateTimeStamp "2024-07-12T21:30:00+03:00" } WHERE { e:opening-start time:inXSDDateTimeStamp ?t }
