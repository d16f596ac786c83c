PREFIX schema: <http://schema.org/>
DELETE DATA { <http://127.0.0.1:8000/id/event/4401/dance-festival-2024> schema:isAccessibleForFree false }
