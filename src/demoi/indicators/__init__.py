"""The Catalogue of Indicators (Κατάλογος Δεικτών): definitions, computation, integrity, charts."""
