PREFIX schema: <http://schema.org/>
DELETE DATA { <http://127.0.0.1:8000/id/facility/4501/municipal-gallery> schema:openingHours "Tu-Su 10:00-18:00" }
